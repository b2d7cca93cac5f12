package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationIssuingTest {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");
    static final Actor STAFF = Actor.staff("secretariat-1");
    static final Deadline RESPONSE = Deadline.byEndOf(LocalDate.of(2022, 4, 15), GENEVA);
    static final Deadline SPEAKING = Deadline.byEndOf(LocalDate.of(2022, 4, 30), GENEVA);
    static final InvitationIssuing.Source SOURCE = new InvitationIssuing.Source(UUID.randomUUID(), "WSIS2022",
            LocalDate.of(2022, 6, 3), GENEVA, UUID.randomUUID(), "DM-22/1001", 2, RESPONSE.date(), RESPONSE.endsAt(),
            SPEAKING.date(), SPEAKING.endsAt());

    @Test
    void theTermsAreTheRevisionsDeadlinesInTheForumsZoneAndTheLinkExpiryPolicy() {
        InvitationIssuing.Terms terms = InvitationIssuing.terms(SOURCE, Duration.ofDays(7));

        assertThat(terms.responseDeadline()).isEqualTo(RESPONSE);
        assertThat(terms.speakingRequestDeadline()).isEqualTo(SPEAKING);
        assertThat(terms.linkExpiresAt()).isEqualTo(Instant.parse("2022-06-10T22:00:00Z"))
                .isEqualTo(LinkExpiryPolicy.expiresAt(LocalDate.of(2022, 6, 3), GENEVA, Duration.ofDays(7)));
    }

    @Test
    void oneEventPerInsertedInvitationAddressingItsInvitee() {
        InvitationIssuing.Terms terms = InvitationIssuing.terms(SOURCE, Duration.ofDays(7));
        Invitee minister = new Invitee(UUID.randomUUID(), new InviteeDetails("CHE", "Anna Muster",
                FormOfAddress.MADAM_MINISTER, Rank.MINISTER, "Federal Councillor", "DETEC", "anna@example.ch",
                List.of("office@example.ch"), Language.FR, ZoneId.of("Europe/Zurich")), null);
        Invitee ambassador = new Invitee(UUID.randomUUID(), new InviteeDetails("KEN", "John Doe", FormOfAddress.SIR,
                Rank.AMBASSADOR, null, null, "john@example.ke", List.of(), Language.EN, ZoneId.of("Africa/Nairobi")),
                null);
        Instant now = Instant.parse("2022-03-01T10:00:00Z");
        List<InvitationIssuing.Issued> issued = List.of(
                new InvitationIssuing.Issued(UUID.randomUUID(), SOURCE.forumId(), minister.id(), 1,
                        terms.linkExpiresAt()),
                new InvitationIssuing.Issued(UUID.randomUUID(), SOURCE.forumId(), ambassador.id(), 1,
                        terms.linkExpiresAt()));

        List<InvitationIssued> events = InvitationIssuing.events(SOURCE, terms, issued,
                Map.of(minister.id(), minister, ambassador.id(), ambassador), now, STAFF);

        assertThat(events).hasSize(2);
        InvitationIssued first = events.get(0);
        assertThat(first).isEqualTo(new InvitationIssued(first.eventId(), now, issued.get(0).invitationId(),
                SOURCE.forumId(), "WSIS2022", SOURCE.letterId(), "DM-22/1001",
                new InviteeContact(minister.id(), "CHE", "Anna Muster", "Madam", Rank.MINISTER, "Federal Councillor",
                        "anna@example.ch", List.of("office@example.ch"), Language.FR, "Europe/Zurich"),
                RESPONSE, SPEAKING, 1, terms.linkExpiresAt(), STAFF));
        assertThat(events.get(1).invitee().fullName()).isEqualTo("John Doe");
        assertThat(events.get(1).invitee().formOfAddress()).isEqualTo("Sir");
        assertThat(events.get(0).eventId()).isNotEqualTo(events.get(1).eventId());
    }

    @Test
    void aLateIssuingWarnsOnlyWhenSomethingWasIssued() {
        InvitationIssuing.Terms terms = InvitationIssuing.terms(SOURCE, Duration.ofDays(7));
        Instant late = Instant.parse("2022-05-01T10:00:00Z");
        List<InvitationIssuing.Issued> one = List.of(new InvitationIssuing.Issued(UUID.randomUUID(),
                SOURCE.forumId(), UUID.randomUUID(), 1, terms.linkExpiresAt()));

        assertThat(InvitationIssuing.warnings(List.of(), terms, late)).isEmpty();
        assertThat(InvitationIssuing.warnings(one, terms, late)).isEqualTo(IssueWarning.forIssueAt(late, RESPONSE))
                .hasSize(1);
        assertThat(InvitationIssuing.warnings(one, terms, Instant.parse("2022-03-01T10:00:00Z"))).isEmpty();
    }
}
