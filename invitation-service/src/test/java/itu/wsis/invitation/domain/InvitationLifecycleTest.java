package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ResponseDeadlineExtended;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationLifecycleTest {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");
    static final Instant NOW = Instant.parse("2022-04-01T09:30:00Z");
    static final Instant ISSUED_AT = Instant.parse("2022-02-01T08:00:00Z");
    static final Instant LINK_EXPIRES = Instant.parse("2022-06-10T22:00:00Z");
    static final Actor STAFF = Actor.staff("secretariat-1");
    static final LocalDate DEADLINE = LocalDate.of(2022, 4, 15);

    static InvitationLifecycle.State state(InvitationStatus status) {
        return new InvitationLifecycle.State(UUID.randomUUID(), status, ISSUED_AT, null,
                Deadline.byEndOf(DEADLINE, GENEVA), 1, LINK_EXPIRES);
    }

    @Test
    void aRevocationKeepsItsReasonAndTimeAndSaysSo() {
        InvitationLifecycle.State issued = state(InvitationStatus.ISSUED);

        InvitationLifecycle.Change change = InvitationLifecycle.revoke(issued, "sent to the wrong ministry", NOW,
                STAFF);

        assertThat(change.state()).isEqualTo(new InvitationLifecycle.State(issued.id(), InvitationStatus.REVOKED,
                NOW, "sent to the wrong ministry", issued.responseDeadline(), 1, LINK_EXPIRES));
        assertThat(change.event()).isInstanceOfSatisfying(InvitationRevoked.class, event -> {
            assertThat(event.eventId()).isNotNull();
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.invitationId()).isEqualTo(issued.id());
            assertThat(event.reason()).isEqualTo("sent to the wrong ministry");
            assertThat(event.actor()).isEqualTo(STAFF);
        });
    }

    @Test
    void repliedInvitationsCanBeRevokedButARevokedOneCannotAgain() {
        assertThat(InvitationLifecycle.revoke(state(InvitationStatus.ACCEPTED), null, NOW, STAFF).state().status())
                .isEqualTo(InvitationStatus.REVOKED);
        assertThat(InvitationLifecycle.revoke(state(InvitationStatus.DECLINED), null, NOW, STAFF).state().status())
                .isEqualTo(InvitationStatus.REVOKED);
        assertThatThrownBy(() -> InvitationLifecycle.revoke(state(InvitationStatus.REVOKED), "again", NOW, STAFF))
                .isInstanceOfSatisfying(LifecycleViolation.class,
                        e -> assertThat(e.slug()).isEqualTo("invitation-revoked"));
    }

    @Property(tries = 200)
    void aDeadlineMovesOnlyToALaterDayEndingInTheSameZone(@ForAll @IntRange(min = -400, max = 400) int days) {
        InvitationLifecycle.State issued = state(InvitationStatus.ISSUED);
        LocalDate wanted = DEADLINE.plusDays(days);

        if (days <= 0) {
            assertThatThrownBy(() -> InvitationLifecycle.extendDeadline(issued, wanted, NOW, STAFF))
                    .isInstanceOfSatisfying(InvalidChange.class, e -> {
                        assertThat(e.field()).isEqualTo("responseDeadline");
                        assertThat(e.getMessage()).isEqualTo("must be later than the current deadline 2022-04-15");
                    });
            return;
        }
        InvitationLifecycle.Change change = InvitationLifecycle.extendDeadline(issued, wanted, NOW, STAFF);

        Deadline extended = Deadline.byEndOf(wanted, GENEVA);
        assertThat(change.state()).isEqualTo(new InvitationLifecycle.State(issued.id(), InvitationStatus.ISSUED,
                ISSUED_AT, null, extended, 1, LINK_EXPIRES));
        assertThat(change.event()).isEqualTo(new ResponseDeadlineExtended(change.event().eventId(), NOW, issued.id(),
                extended, STAFF));
    }

    @Test
    void aRevokedInvitationKeepsItsDeadline() {
        assertThatThrownBy(() -> InvitationLifecycle.extendDeadline(state(InvitationStatus.REVOKED),
                DEADLINE.plusDays(7), NOW, STAFF))
                .isInstanceOfSatisfying(LifecycleViolation.class,
                        e -> assertThat(e.slug()).isEqualTo("invitation-revoked"));
    }

    @Property(tries = 50)
    void aReissuedLinkIsTheNextVersionWithTheSameExpiry(@ForAll("alive") InvitationStatus status,
                                                        @ForAll @IntRange(min = 1, max = 1000) int version) {
        InvitationLifecycle.State current = new InvitationLifecycle.State(UUID.randomUUID(), status, ISSUED_AT,
                null, Deadline.byEndOf(DEADLINE, GENEVA), version, LINK_EXPIRES);

        InvitationLifecycle.Change change = InvitationLifecycle.reissueLink(current, false, NOW, STAFF);

        assertThat(change.state().linkVersion()).isEqualTo(version + 1);
        assertThat(change.state().status()).isEqualTo(status);
        assertThat(change.event()).isEqualTo(new PersonalLinkReissued(change.event().eventId(), NOW, current.id(),
                version + 1, LINK_EXPIRES, STAFF));
    }

    @Provide
    Arbitrary<InvitationStatus> alive() {
        return Arbitraries.of(InvitationStatus.ISSUED, InvitationStatus.ACCEPTED, InvitationStatus.DECLINED);
    }

    @Test
    void noLinkForARevokedInvitationNorForAnErasedPersonAndErasureIsSaidFirst() {
        assertThatThrownBy(() -> InvitationLifecycle.reissueLink(state(InvitationStatus.REVOKED), false, NOW, STAFF))
                .isInstanceOfSatisfying(LifecycleViolation.class,
                        e -> assertThat(e.slug()).isEqualTo("invitation-revoked"));
        assertThatThrownBy(() -> InvitationLifecycle.reissueLink(state(InvitationStatus.REVOKED), true, NOW, STAFF))
                .isInstanceOfSatisfying(LifecycleViolation.class,
                        e -> assertThat(e.slug()).isEqualTo("personal-data-erased"));
        assertThatThrownBy(() -> InvitationLifecycle.requireNotErased(true))
                .isInstanceOfSatisfying(LifecycleViolation.class,
                        e -> assertThat(e.slug()).isEqualTo("personal-data-erased"));
        InvitationLifecycle.requireNotErased(false);
    }

    @Test
    void everyChangeHasAFreshEventId() {
        InvitationLifecycle.State issued = state(InvitationStatus.ISSUED);

        assertThat(InvitationLifecycle.reissueLink(issued, false, NOW, STAFF).event().eventId())
                .isNotEqualTo(InvitationLifecycle.reissueLink(issued, false, NOW, STAFF).event().eventId());
    }
}
