package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.AllocationFrozen;
import itu.wsis.events.AllocationUnfrozen;
import itu.wsis.events.AttributedEvent;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.ListOfSpeakersPublished;
import itu.wsis.events.NotificationResent;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.ResponseDeadlineExtended;
import itu.wsis.events.SpeakerRankDecided;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingRequestWithdrawn;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.SpeakingSlotRescheduled;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which events the audit trail records, and what of them. The summary is built from codes, counts, versions and
 * dates only: these events carry names (the delegation, the speaker, the invitee's contact) and free texts (reasons,
 * notes, a statement's topic) that must not be copied into a trail kept for as long as the forum's records.
 */
public final class AuditPolicy {

    /**
     * The records the trail reads: every event that records an action. Others (an email sent or failed, erasure) are
     * not; a resend is, because an operator asked for it.
     */
    public static final Set<Class<? extends DomainEvent>> RECORDED = Set.of(ForumEditionPublished.class,
            CircularLetterPublished.class, InvitationIssued.class, InvitationRevoked.class,
            ResponseDeadlineExtended.class, PersonalLinkReissued.class, InvitationAccepted.class,
            InvitationDeclined.class, ReplyChanged.class, ReplyWithdrawn.class, SpeakingRequestSubmitted.class,
            SpeakingSlotAllocated.class, SpeakingRequestWaitlisted.class, SpeakingRequestPromoted.class,
            SpeakingRequestRejected.class, SpeakingRequestWithdrawn.class, SpeakerSubstituted.class,
            SpeakingSlotRescheduled.class, SpeakerRankDecided.class, ListOfSpeakersPublished.class,
            AllocationFrozen.class, AllocationUnfrozen.class, NotificationResent.class);

    private AuditPolicy() {
    }

    public static boolean records(Class<?> eventClass) {
        return RECORDED.contains(eventClass);
    }

    /** The entry for an event, or empty when the trail does not record this kind of event. */
    public static Optional<AuditEntry> entryFor(DomainEvent event) {
        if (!records(event.getClass())) {
            return Optional.empty();
        }
        return Optional.of(map(event));
    }

    private static AuditEntry map(DomainEvent event) {
        if (event instanceof ForumEditionPublished e) {
            return entry(e, e.forumId(), null, null, null, null, AuditAction.FORUM_PUBLISHED, null, null,
                    "Forum edition " + e.code() + " published, revision " + e.revision());
        }
        if (event instanceof CircularLetterPublished e) {
            return entry(e, e.forumId(), e.letterId(), null, null, null, AuditAction.LETTER_PUBLISHED, null,
                    e.reference(), "Letter " + e.reference() + " published, revision " + e.revision()
                            + ", response deadline " + e.responseDeadline().date());
        }
        if (event instanceof InvitationIssued e) {
            return entry(e, e.forumId(), e.letterId(), e.invitationId(), null, null, AuditAction.INVITATION_ISSUED,
                    null, e.letterReference(), "Invitation issued to Member State " + e.invitee().memberState()
                            + " (rank " + e.invitee().rank() + "), link version " + e.linkVersion()
                            + ", response deadline " + e.responseDeadline().date());
        }
        if (event instanceof InvitationRevoked e) {
            return invitation(e, e.invitationId(), AuditAction.INVITATION_REVOKED, "Invitation revoked");
        }
        if (event instanceof ResponseDeadlineExtended e) {
            return invitation(e, e.invitationId(), AuditAction.DEADLINE_EXTENDED, "Response deadline extended to "
                    + e.responseDeadline().date() + " (" + e.responseDeadline().timeZone() + ")");
        }
        if (event instanceof PersonalLinkReissued e) {
            return invitation(e, e.invitationId(), AuditAction.LINK_REISSUED, "Personal link reissued, version "
                    + e.linkVersion() + ", valid until " + e.linkExpiresAt());
        }
        if (event instanceof InvitationAccepted e) {
            return entry(e, null, null, e.invitationId(), null, null, AuditAction.REPLY_ACCEPTED, channel(e.channel()),
                    e.documentReference(), "Accepted, " + e.mode() + ", delegation of " + e.delegation().size()
                            + reply(e.replyVersion(), e.late()));
        }
        if (event instanceof InvitationDeclined e) {
            return entry(e, null, null, e.invitationId(), null, null, AuditAction.REPLY_DECLINED, channel(e.channel()),
                    e.documentReference(), "Declined" + reply(e.replyVersion(), e.late()));
        }
        if (event instanceof ReplyChanged e) {
            String mode = e.mode() == null ? "" : ", " + e.mode();
            return entry(e, null, null, e.invitationId(), null, null,
                    e.correction() ? AuditAction.REPLY_CORRECTED : AuditAction.REPLY_CHANGED, channel(e.channel()),
                    e.documentReference(), (e.correction() ? "Reply corrected from " : "Reply changed from ")
                            + e.previousStatus() + " to " + e.status() + mode + ", delegation of "
                            + e.delegation().size() + reply(e.replyVersion(), e.late()));
        }
        if (event instanceof ReplyWithdrawn e) {
            return entry(e, null, null, e.invitationId(), null, null, AuditAction.REPLY_WITHDRAWN, channel(e.channel()),
                    e.documentReference(), "Acceptance withdrawn" + reply(e.replyVersion(), e.late()));
        }
        if (event instanceof SpeakingRequestSubmitted e) {
            return speaking(e, e.invitationId(), null, e.requestId(), AuditAction.SPEAKING_REQUEST_SUBMITTED,
                    "Speaking request submitted: " + e.modality() + ", rank " + e.speaker().rank()
                            + (e.speaker().substitute() ? " (substitute)" : "") + ", statement in "
                            + e.statementLanguage() + ", " + e.preferredSessionIds().size() + " preferred session(s)"
                            + (e.late() ? ", late" : ""));
        }
        if (event instanceof SpeakingSlotAllocated e) {
            return speaking(e, e.invitationId(), e.sessionId(), e.requestId(), AuditAction.SPEAKING_SLOT_ALLOCATED,
                    "Slot allocated: position " + e.position() + ", planned start " + e.plannedStart() + ", "
                            + e.statementMinutes() + " min, " + e.modality());
        }
        if (event instanceof SpeakingRequestWaitlisted e) {
            return speaking(e, e.invitationId(), null, e.requestId(), AuditAction.SPEAKING_REQUEST_WAITLISTED,
                    "Waitlisted at position " + e.position());
        }
        if (event instanceof SpeakingRequestPromoted e) {
            return speaking(e, e.invitationId(), e.sessionId(), e.requestId(), AuditAction.SPEAKING_REQUEST_PROMOTED,
                    "Promoted from the waiting list: position " + e.position() + ", planned start "
                            + e.plannedStart());
        }
        if (event instanceof SpeakingRequestRejected e) {
            return speaking(e, e.invitationId(), e.releasedSessionId(), e.requestId(),
                    AuditAction.SPEAKING_REQUEST_REJECTED, "Speaking request rejected");
        }
        if (event instanceof SpeakingRequestWithdrawn e) {
            return speaking(e, e.invitationId(), e.releasedSessionId(), e.requestId(),
                    AuditAction.SPEAKING_REQUEST_WITHDRAWN, "Speaking request withdrawn");
        }
        if (event instanceof SpeakerSubstituted e) {
            return speaking(e, e.invitationId(), null, e.requestId(), AuditAction.SPEAKER_SUBSTITUTED,
                    "Speaker substituted: rank " + e.previousSpeaker().rank() + " to " + e.speaker().rank());
        }
        if (event instanceof SpeakingSlotRescheduled e) {
            return speaking(e, e.invitationId(), e.sessionId(), e.requestId(), AuditAction.SPEAKING_SLOT_RESCHEDULED,
                    "Slot rescheduled: position " + e.position() + ", planned start " + e.plannedStart() + ", "
                            + e.statementMinutes() + " min");
        }
        if (event instanceof SpeakerRankDecided e) {
            return speaking(e, e.invitationId(), null, e.requestId(), AuditAction.SPEAKER_RANK_DECIDED,
                    "Rank " + e.claimedRank() + (e.confirmed() ? " confirmed" : " refused") + ", precedence as "
                            + e.rankForPrecedence());
        }
        if (event instanceof ListOfSpeakersPublished e) {
            return entry(e, e.forumId(), null, null, e.sessionId(), null, AuditAction.LIST_OF_SPEAKERS_PUBLISHED,
                    null, null, "List of speakers published, revision " + e.revision() + ", " + e.speakers()
                            + " speaker(s)");
        }
        if (event instanceof AllocationFrozen e) {
            return entry(e, e.forumId(), null, null, null, null, AuditAction.ALLOCATION_FROZEN, null, null,
                    "Allocation frozen: no automatic changes, overrides only");
        }
        if (event instanceof AllocationUnfrozen e) {
            return entry(e, e.forumId(), null, null, null, null, AuditAction.ALLOCATION_UNFROZEN, null, null,
                    "Allocation unfrozen: the forum is re-allocated");
        }
        if (event instanceof NotificationResent e) {
            return invitation(e, e.invitationId(), AuditAction.NOTIFICATION_RESENT, "Email " + e.kind()
                    + " resent as notification " + e.notificationId() + " (of " + e.resendOf() + ")");
        }
        throw new IllegalStateException(event.eventType() + " is recorded but has no mapping");
    }

    private static String channel(ReplyChannel channel) {
        return channel == null ? null : channel.name();
    }

    private static String reply(int version, boolean late) {
        return " (reply version " + version + (late ? ", late)" : ")");
    }

    private static AuditEntry invitation(DomainEvent e, UUID invitationId, AuditAction action, String summary) {
        return entry(e, null, null, invitationId, null, null, action, null, null, summary);
    }

    private static AuditEntry speaking(DomainEvent e, UUID invitationId, UUID sessionId, UUID requestId,
                                       AuditAction action, String summary) {
        return entry(e, null, null, invitationId, sessionId, requestId, action, null, null, summary);
    }

    private static AuditEntry entry(DomainEvent e, UUID forumId, UUID letterId, UUID invitationId, UUID sessionId,
                                    UUID requestId, AuditAction action, String channel, String documentReference,
                                    String summary) {
        Actor actor = ((AttributedEvent) e).actor();
        return new AuditEntry(e.eventId(), e.eventType(), e.occurredAt(), forumId, letterId, invitationId, sessionId,
                requestId, action, AuditActorKind.of(actor), actor == null ? null : actor.subject(), channel,
                documentReference, summary);
    }
}
