package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/**
 * The secretariat confirmed or refused a speaker's rank that the invitation did not support. Followed, in the same
 * transaction, by the outcome events of the allocation it re-ran (docs/allocation.md).
 *
 * @param claimedRank       the rank claimed for the speaker
 * @param confirmed         whether the claimed rank now counts for precedence
 * @param rankForPrecedence the rank that counts from now on: the claimed one, or the invitation's
 */
@JsonClassDescription("The secretariat confirmed or refused a speaker's rank that the invitation did not support; the allocation's outcome events follow in the same transaction. Key: the invitation id.")
public record SpeakerRankDecided(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                 Rank claimedRank, boolean confirmed, Rank rankForPrecedence, String note,
        Actor actor)
        implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakerRankDecided.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public SpeakerRankDecided(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, Rank claimedRank,
            boolean confirmed, Rank rankForPrecedence, String note) {
        this(eventId, occurredAt, invitationId, requestId, claimedRank, confirmed, rankForPrecedence, note, null);
    }

    @Override
    public SpeakerRankDecided withActor(Actor actor) {
        return new SpeakerRankDecided(eventId, occurredAt, invitationId, requestId, claimedRank, confirmed,
                rankForPrecedence, note, actor);
    }
}
