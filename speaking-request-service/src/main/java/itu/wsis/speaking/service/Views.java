package itu.wsis.speaking.service;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.SpeakingModality;
import itu.wsis.speaking.domain.LatePolicy;
import itu.wsis.speaking.domain.RequestStatus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the services answer. Plain records built from entities, so that no entity leaves the service layer. */
public final class Views {

    private Views() {
    }

    public record SessionView(UUID id, UUID forumId, Map<Language, String> titles, Instant startsAt, Instant endsAt,
                              LocalDateTime localStart, LocalDateTime localEnd, String timeZone, int capacity,
                              int allocated, int statementMinutes, Set<SpeakingModality> modalities) {
    }

    public record Seat(UUID sessionId, int position, Instant plannedStart) {
    }

    public record RequestView(UUID id, UUID invitationId, UUID forumId, String memberState, String speakerName,
                              String speakerTitle, Rank speakerRank, boolean substitute, List<UUID> preferredSessionIds,
                              Language statementLanguage, SpeakingModality modality, String topic,
                              String statementText, String videoReference, Instant submittedAt, String submittedBy,
                              boolean late, RequestStatus status, Seat seat, Integer waitingPosition,
                              String override, UUID overrideSessionId, String statusReason, String explanation,
                              Rank rankForPrecedence, RankDecision rankConfirmation) {
    }

    /** A claimed rank the invitation did not support: where the secretariat's confirmation stands. */
    public record RankDecision(RankConfirmation status, String decidedBy, Instant decidedAt, String note) {
    }

    public record DryRunLine(UUID requestId, String memberState, Rank rank, RequestStatus currentStatus,
                             UUID currentSessionId, String outcome, UUID sessionId, Integer position,
                             Integer waitingPosition, boolean changes, String explanation) {
    }

    public record DryRun(UUID forumId, boolean frozen, Instant computedAt, List<DryRunLine> requests) {
    }

    public record SpeakerLine(int position, String memberState, String speakerName, String speakerTitle, Rank rank,
                              boolean substitute, SpeakingModality modality, Language language, Instant plannedStart,
                              LocalDateTime plannedLocalStart) {
    }

    public record SpeakersList(UUID sessionId, UUID forumId, Map<Language, String> titles, Instant startsAt,
                               String timeZone, int statementMinutes, boolean published, int revision,
                               List<SpeakerLine> speakers) {
    }

    public record ForumSettings(UUID forumId, String code, String timeZone, LatePolicy latePolicy, boolean frozen,
                                int publishedRevision, Instant publishedAt) {
    }

    public record DemoData(UUID forumId, int sessions, int created) {
    }
}
