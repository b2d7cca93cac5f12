package itu.wsis.events;

import java.util.UUID;

/** An event about one invitation. Its key is the invitation id, so one invitation's events stay ordered. */
public sealed interface InvitationEvent extends DomainEvent
        permits InvitationIssued, InvitationRevoked, ResponseDeadlineExtended, PersonalLinkReissued,
        InvitationAccepted, InvitationDeclined, ReplyChanged, ReplyWithdrawn,
        SpeakingRequestSubmitted, SpeakingSlotAllocated, SpeakingRequestWaitlisted, SpeakingRequestWithdrawn,
        SpeakingRequestPromoted, SpeakingRequestRejected, SpeakerSubstituted, SpeakingSlotRescheduled,
        SpeakerRankDecided,
        NotificationSent, NotificationFailed, NotificationResent {

    UUID invitationId();

    @Override
    default String partitionKey() {
        return invitationId().toString();
    }
}
