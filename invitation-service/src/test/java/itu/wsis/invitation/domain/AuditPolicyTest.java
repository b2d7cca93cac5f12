package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.AllocationFrozen;
import itu.wsis.events.AllocationUnfrozen;
import itu.wsis.events.Deadline;
import itu.wsis.events.Delegate;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.EventCatalog;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.Language;
import itu.wsis.events.NotificationResent;
import itu.wsis.events.NotificationSent;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.AttributedEvent;
import itu.wsis.events.Speaker;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingRequestWithdrawn;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPolicyTest {

    static final Instant AT = Instant.parse("2022-03-21T08:00:00Z");
    static final UUID INVITATION = UUID.randomUUID();

    @Test
    void theTrailRecordsExactlyTheEventsThatRecordAnAction() {
        for (Class<?> type : EventCatalog.classesByType().values()) {
            assertThat(AuditPolicy.records(type)).as(type.getSimpleName())
                    .isEqualTo(AttributedEvent.class.isAssignableFrom(type));
        }
        assertThat(AuditPolicy.entryFor(new NotificationSent(UUID.randomUUID(), AT, INVITATION, UUID.randomUUID(),
                "INVITATION", Language.EN, "<m@x>"))).isEmpty();
    }

    @Test
    void aStaffActionNamesTheSubjectAndAnInviteeActionNobody() {
        AuditEntry revoked = AuditPolicy.entryFor(new InvitationRevoked(UUID.randomUUID(), AT, INVITATION,
                "wrong ministry, said Mr Smith", Actor.staff("staff-42"))).orElseThrow();
        assertThat(revoked.action()).isEqualTo(AuditAction.INVITATION_REVOKED);
        assertThat(revoked.actorKind()).isEqualTo(AuditActorKind.STAFF);
        assertThat(revoked.actorSubject()).isEqualTo("staff-42");
        assertThat(revoked.invitationId()).isEqualTo(INVITATION);
        assertThat(revoked.summary()).doesNotContain("Smith");

        AuditEntry accepted = AuditPolicy.entryFor(accepted(Actor.invitee())).orElseThrow();
        assertThat(accepted.actorKind()).isEqualTo(AuditActorKind.INVITEE);
        assertThat(accepted.actorSubject()).isNull();
        assertThat(accepted.channel()).isEqualTo("WEB");
        assertThat(accepted.summary()).isEqualTo("Accepted, IN_PERSON, delegation of 2 (reply version 1)")
                .doesNotContain("Ana");
    }

    @Test
    void aFreezeAndAnUnfreezeAreTheForumsWithTheStaffMemberWhoDidIt() {
        UUID forum = UUID.randomUUID();
        AuditEntry frozen = AuditPolicy.entryFor(new AllocationFrozen(UUID.randomUUID(), AT, forum,
                Actor.staff("staff-42"))).orElseThrow();
        assertThat(frozen.action()).isEqualTo(AuditAction.ALLOCATION_FROZEN);
        assertThat(frozen.eventType()).isEqualTo("AllocationFrozen.v1");
        assertThat(frozen.forumId()).isEqualTo(forum);
        assertThat(frozen.invitationId()).isNull();
        assertThat(frozen.sessionId()).isNull();
        assertThat(frozen.actorKind()).isEqualTo(AuditActorKind.STAFF);
        assertThat(frozen.actorSubject()).isEqualTo("staff-42");
        assertThat(frozen.occurredAt()).isEqualTo(AT);
        assertThat(frozen.summary()).isEqualTo("Allocation frozen: no automatic changes, overrides only");

        AuditEntry unfrozen = AuditPolicy.entryFor(new AllocationUnfrozen(UUID.randomUUID(), AT, forum,
                Actor.staff("staff-43"))).orElseThrow();
        assertThat(unfrozen.action()).isEqualTo(AuditAction.ALLOCATION_UNFROZEN);
        assertThat(unfrozen.forumId()).isEqualTo(forum);
        assertThat(unfrozen.actorSubject()).isEqualTo("staff-43");
        assertThat(unfrozen.summary()).isEqualTo("Allocation unfrozen: the forum is re-allocated");
    }

    @Test
    void aResendIsTheInvitationsWithTheOperatorAndBothNotificationIds() {
        UUID original = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID again = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        AuditEntry resent = AuditPolicy.entryFor(new NotificationResent(UUID.randomUUID(), AT, INVITATION, again,
                original, "REPLY_ACCEPTED", Actor.staff("ops-7"))).orElseThrow();
        assertThat(resent.action()).isEqualTo(AuditAction.NOTIFICATION_RESENT);
        assertThat(resent.invitationId()).isEqualTo(INVITATION);
        assertThat(resent.forumId()).as("filled in from the invitation row when stored").isNull();
        assertThat(resent.actorKind()).isEqualTo(AuditActorKind.STAFF);
        assertThat(resent.actorSubject()).isEqualTo("ops-7");
        assertThat(resent.summary()).isEqualTo("Email REPLY_ACCEPTED resent as notification " + again + " (of "
                + original + ")");
    }

    @Test
    void anEventWrittenBeforeActorsExistedIsUnknown() {
        assertThat(AuditPolicy.entryFor(accepted(null)).orElseThrow().actorKind()).isEqualTo(AuditActorKind.UNKNOWN);
    }

    @Test
    void aCorrectionIsToldFromAChangeAndKeepsItsDocumentReference() {
        AuditEntry corrected = AuditPolicy.entryFor(new ReplyChanged(UUID.randomUUID(), AT, INVITATION, 3,
                ReplyStatus.ACCEPTED, ReplyStatus.DECLINED, null, List.of(), ReplyChannel.NOTE_VERBALE, true, false,
                "NV 2022/117", Actor.staff("staff-42"))).orElseThrow();
        assertThat(corrected.action()).isEqualTo(AuditAction.REPLY_CORRECTED);
        assertThat(corrected.documentReference()).isEqualTo("NV 2022/117");
        assertThat(corrected.summary()).isEqualTo("Reply corrected from ACCEPTED to DECLINED, delegation of 0"
                + " (reply version 3)");
    }

    @Test
    void noNameOrFreeTextReachesTheSummary() {
        Speaker before = new Speaker("Ana Secret", "Minister", Rank.MINISTER, false);
        Speaker after = new Speaker("Bo Hidden", "Deputy", Rank.DEPUTY_MINISTER, true);
        List<DomainEvent> events = List.of(
                new SpeakerSubstituted(UUID.randomUUID(), AT, INVITATION, UUID.randomUUID(), before, after,
                        Actor.invitee()),
                new SpeakingRequestWithdrawn(UUID.randomUUID(), AT, INVITATION, UUID.randomUUID(),
                        "Ana Secret is ill", UUID.randomUUID(), null, Actor.invitee()),
                issued());
        for (DomainEvent event : events) {
            AuditEntry entry = AuditPolicy.entryFor(event).orElseThrow();
            assertThat(entry.summary()).doesNotContain("Ana", "Bo Hidden", "Secret", "@", "Minister Ana");
        }
        assertThat(AuditPolicy.entryFor(issued()).orElseThrow().summary())
                .isEqualTo("Invitation issued to Member State CH (rank MINISTER), link version 1, response deadline"
                        + " 2022-04-15");
    }

    private static InvitationAccepted accepted(Actor actor) {
        return new InvitationAccepted(UUID.randomUUID(), AT, INVITATION, 1, ParticipationMode.IN_PERSON,
                List.of(new Delegate("Ana Secret", "Minister", true), new Delegate("Bo Hidden", "Adviser", false)),
                ReplyChannel.WEB, false, null, actor);
    }

    private static InvitationIssued issued() {
        Deadline deadline = new Deadline(LocalDate.of(2022, 4, 15), "Europe/Zurich",
                Instant.parse("2022-04-15T22:00:00Z"));
        return new InvitationIssued(UUID.randomUUID(), AT, INVITATION, UUID.randomUUID(), "WSIS2022",
                UUID.randomUUID(), "CL-22/010", new InviteeContact(UUID.randomUUID(), "CH", "Ana Secret", "H.E.",
                Rank.MINISTER, "Minister", "ana@example.org", List.of(), Language.FR, "Europe/Zurich"), deadline,
                deadline, 1, AT.plusSeconds(86400 * 90), Actor.staff("staff-42"));
    }
}
