package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * Every event on a WSIS topic. The JSON carries {@code "type": "<Name>.v<N>"}; a breaking change to a record
 * is a new record with the next version, so consumers of the old one keep working (see docs/events.md).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ForumEditionPublished.class, name = ForumEditionPublished.TYPE),
        @JsonSubTypes.Type(value = CircularLetterPublished.class, name = CircularLetterPublished.TYPE),
        @JsonSubTypes.Type(value = InvitationIssued.class, name = InvitationIssued.TYPE),
        @JsonSubTypes.Type(value = InvitationRevoked.class, name = InvitationRevoked.TYPE),
        @JsonSubTypes.Type(value = ResponseDeadlineExtended.class, name = ResponseDeadlineExtended.TYPE),
        @JsonSubTypes.Type(value = PersonalLinkReissued.class, name = PersonalLinkReissued.TYPE),
        @JsonSubTypes.Type(value = InvitationAccepted.class, name = InvitationAccepted.TYPE),
        @JsonSubTypes.Type(value = InvitationDeclined.class, name = InvitationDeclined.TYPE),
        @JsonSubTypes.Type(value = ReplyChanged.class, name = ReplyChanged.TYPE),
        @JsonSubTypes.Type(value = ReplyWithdrawn.class, name = ReplyWithdrawn.TYPE),
        @JsonSubTypes.Type(value = SpeakingRequestSubmitted.class, name = SpeakingRequestSubmitted.TYPE),
        @JsonSubTypes.Type(value = SpeakingSlotAllocated.class, name = SpeakingSlotAllocated.TYPE),
        @JsonSubTypes.Type(value = SpeakingRequestWaitlisted.class, name = SpeakingRequestWaitlisted.TYPE),
        @JsonSubTypes.Type(value = SpeakingRequestWithdrawn.class, name = SpeakingRequestWithdrawn.TYPE),
        @JsonSubTypes.Type(value = SpeakingRequestPromoted.class, name = SpeakingRequestPromoted.TYPE),
        @JsonSubTypes.Type(value = SpeakingRequestRejected.class, name = SpeakingRequestRejected.TYPE),
        @JsonSubTypes.Type(value = SpeakerSubstituted.class, name = SpeakerSubstituted.TYPE),
        @JsonSubTypes.Type(value = SpeakingSlotRescheduled.class, name = SpeakingSlotRescheduled.TYPE),
        @JsonSubTypes.Type(value = SpeakerRankDecided.class, name = SpeakerRankDecided.TYPE),
        @JsonSubTypes.Type(value = ListOfSpeakersPublished.class, name = ListOfSpeakersPublished.TYPE),
        @JsonSubTypes.Type(value = AllocationFrozen.class, name = AllocationFrozen.TYPE),
        @JsonSubTypes.Type(value = AllocationUnfrozen.class, name = AllocationUnfrozen.TYPE),
        @JsonSubTypes.Type(value = NotificationSent.class, name = NotificationSent.TYPE),
        @JsonSubTypes.Type(value = NotificationFailed.class, name = NotificationFailed.TYPE),
        @JsonSubTypes.Type(value = NotificationResent.class, name = NotificationResent.TYPE),
        @JsonSubTypes.Type(value = PersonalDataErasureRequested.class, name = PersonalDataErasureRequested.TYPE),
        @JsonSubTypes.Type(value = PersonalDataErased.class, name = PersonalDataErased.TYPE),
})
public sealed interface DomainEvent
        permits ForumEditionPublished, CircularLetterPublished, ListOfSpeakersPublished, AllocationFrozen,
        AllocationUnfrozen, InvitationEvent,
        PersonalDataErasureRequested, PersonalDataErased {

    UUID eventId();

    Instant occurredAt();

    /** Kafka record key: everything about one aggregate lands on one partition, in order. */
    @JsonIgnore
    String partitionKey();

    @JsonIgnore
    default String eventType() {
        return EventCatalog.typeOf(getClass());
    }

    /** The topic this event goes to; an event that several services publish decides by its producer. */
    @JsonIgnore
    default Topic publishedOn() {
        return EventCatalog.topicOf(getClass());
    }
}
