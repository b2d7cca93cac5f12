package itu.wsis.invitation.domain;

import itu.wsis.events.PersonalDataErasureRequested;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataErasureTest {

    static final Instant NOW = Instant.parse("2023-07-01T12:00:00Z");

    @Test
    void theRequestCarriesThisServicesOwnReportAndTheInvitationsToErase() {
        UUID erasureId = UUID.randomUUID();
        UUID inviteeId = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        UUID accepted = UUID.randomUUID();
        var holdings = new PersonalDataErasure.Holdings(inviteeId, true, 2, List.of(
                new PersonalDataErasure.Invitation(revoked, true),
                new PersonalDataErasure.Invitation(accepted, false)));

        PersonalDataErasure.Requested requested = PersonalDataErasure.request(erasureId, holdings, 3, "secretariat-1",
                NOW);

        Map<String, Integer> counts = Map.of("invitees", 1, "emailAddresses", 3, "revocationReasons", 1,
                "outboxEvents", 3);
        assertThat(requested.erasure()).isEqualTo(new Erasure(erasureId, inviteeId, NOW, "secretariat-1",
                List.of(revoked, accepted), List.of(new Erasure.Report("invitation-service", NOW, counts))));
        assertThat(requested.ownReport().erased()).isEqualTo(counts);
        PersonalDataErasureRequested event = requested.event();
        assertThat(event).isEqualTo(new PersonalDataErasureRequested(event.eventId(), NOW, erasureId, inviteeId,
                List.of(revoked, accepted)));
    }

    @Property(tries = 200)
    void everyStoredAddressAndReasonIsCounted(@ForAll boolean email, @ForAll @IntRange(max = 20) int cc,
                                              @ForAll @Size(max = 10) List<Boolean> reasons,
                                              @ForAll @IntRange(max = 100) int outbox) {
        var holdings = new PersonalDataErasure.Holdings(UUID.randomUUID(), email, cc,
                reasons.stream().map(r -> new PersonalDataErasure.Invitation(UUID.randomUUID(), r)).toList());

        Map<String, Integer> erased = PersonalDataErasure.request(UUID.randomUUID(), holdings, outbox, "retention",
                NOW).ownReport().erased();

        assertThat(erased).containsEntry("invitees", 1)
                .containsEntry("emailAddresses", (email ? 1 : 0) + cc)
                .containsEntry("revocationReasons", (int) reasons.stream().filter(r -> r).count())
                .containsEntry("outboxEvents", outbox)
                .hasSize(4);
    }

    @Test
    void aReportCountsUnlessItIsThisServicesOwn() {
        assertThat(PersonalDataErasure.counts("registration-service")).isTrue();
        assertThat(PersonalDataErasure.counts("invitation-service")).isFalse();
    }
}
