package itu.wsis.registration;

import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.registration.domain.ResponseDeadline;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinkTokens;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestKeys;
import itu.wsis.testing.TestPostgres;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Invitations issued as invitation-service would, on the real broker, and personal links signed as the sender would. */
public final class Invitations {

    public static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    private Invitations() {
    }

    /** An issued invitation and a personal link for it. */
    public record Issued(InvitationIssued event, String link) {
        public UUID id() {
            return event.invitationId();
        }

        public UUID forumId() {
            return event.forumId();
        }
    }

    public static InvitationIssued event(UUID forumId, String memberState, Language language, ResponseDeadline deadline) {
        Instant now = Instant.now();
        InviteeContact invitee = new InviteeContact(UUID.randomUUID(), memberState, "Test Minister", "Excellency",
                Rank.MINISTER, "Minister of ICT", "minister@example.org", List.of(), language, GENEVA.getId());
        Deadline wire = new Deadline(deadline.date(), deadline.zone().getId(), deadline.endsAt());
        return new InvitationIssued(UUID.randomUUID(), now, UUID.randomUUID(), forumId, "WSIS-2022", UUID.randomUUID(),
                "CL-22/010", invitee, wire, wire, 1, now.plus(Duration.ofDays(400)));
    }

    /** A deadline at the end of the day {@code days} from the business clock's today, in Geneva. */
    public static ResponseDeadline deadlineIn(Clock clock, int days) {
        return ResponseDeadline.endOfDay(LocalDate.ofInstant(clock.instant(), GENEVA).plusDays(days), GENEVA);
    }

    /** Publishes the invitation on wsis.invitation-events and waits until this service has it in its view. */
    public static Issued issue(Clock clock, UUID forumId, String memberState, Language language, ResponseDeadline deadline) {
        InvitationIssued event = event(forumId, memberState, language, deadline);
        TestKafka.publish(event);
        awaitKnown(event.invitationId());
        return new Issued(event, link(clock, event.invitationId(), 1));
    }

    public static Issued issue(Clock clock) {
        return issue(clock, UUID.randomUUID(), "CH", Language.FR, deadlineIn(clock, 20));
    }

    public static String link(Clock clock, UUID invitationId, int version) {
        return link(invitationId, version, clock.instant().plus(Duration.ofDays(90)));
    }

    public static String link(UUID invitationId, int version, Instant expiresAt) {
        return PersonalLinkTokens.sign(new LinkClaims(invitationId, version, expiresAt), TestKeys.linkSigningKey());
    }

    public static void awaitKnown(UUID invitationId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(RegistrationServiceTest.DATABASE,
                "select count(*) from invitation_view where invitation_id = ?", invitationId) == 1);
    }

    /** Waits until the view of the invitation satisfies {@code condition} (SQL over invitation_view's columns). */
    public static void awaitView(UUID invitationId, String condition, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = invitationId;
        System.arraycopy(params, 0, all, 1, params.length);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(RegistrationServiceTest.DATABASE,
                "select count(*) from invitation_view where invitation_id = ? and " + condition, all) == 1);
    }

    public static String acceptBody(String mode, String... names) {
        StringBuilder delegation = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                delegation.append(',');
            }
            delegation.append("""
                    {"name":"%s","title":"Adviser","email":"member%d@example.org","headOfDelegation":%s}"""
                    .formatted(names[i], i, i == 0));
        }
        return "{\"mode\":\"" + mode + "\",\"delegation\":[" + delegation + "]}";
    }
}
