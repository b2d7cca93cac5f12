package itu.wsis.speaking.domain;

import itu.wsis.events.Deadline;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestSubmitted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may ask for speaking time, and what becomes of the request (docs/allocation.md). It judges in two steps, in
 * the order the facts become known: {@link #admit} from the invitation and the command alone, before the forum is
 * locked; {@link #submit} with what only the locked forum can say (an active request, the sessions, the deadline,
 * the late policy).
 */
public record SubmissionPolicy(RankClaimPolicy ranks) {

    /** Why a late request is rejected under {@link LatePolicy#REJECT}; the reason the delegation is told. */
    public static final String LATE_REASON = "submitted after the speaking-request deadline";

    public SubmissionPolicy {
        Objects.requireNonNull(ranks, "ranks");
    }

    /** What the delegation asks for, as entered (validated for shape, not yet for this delegation and forum). */
    public record Draft(SpeakingRequest.Speaker speaker, List<UUID> preferredSessionIds, Language statementLanguage,
                        SpeakingModality modality, String topic, String statementText, String videoReference) {

        public Draft {
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(modality, "modality");
            preferredSessionIds = List.copyOf(preferredSessionIds);
        }
    }

    /** A draft the delegation may submit: its speaker and the rank they count with are settled. */
    public record Admitted(Delegation delegation, Draft draft, Actor actor, SpeakingRequest.Speaker speaker,
                           RankClaimPolicy.RankClaim claim) {
    }

    /**
     * Only a delegation that has accepted may ask, once its invitation is known here; the speaker's rank follows
     * {@link #speakerFor} and {@link RankClaimPolicy}; a delegation that attends remotely cannot speak in person.
     */
    public Admitted admit(Delegation delegation, Draft draft, Actor actor) {
        if (delegation.reply() != ReplyStatus.ACCEPTED) {
            throw SpeakingRequestRefused.conflict("reply-not-accepted",
                    "Only a delegation that has accepted the invitation may ask for speaking time.");
        }
        if (delegation.forumId() == null) {
            throw SpeakingRequestRefused.conflict("invitation-not-ready", "This invitation is not fully known yet.");
        }
        SpeakingRequest.Speaker speaker = speakerFor(delegation, draft.speaker());
        RankClaimPolicy.RankClaim claim = ranks.assess(delegation.invitedRank(), speaker.rank(), speaker.substitute(),
                actor.claimant());
        if (draft.modality() == SpeakingModality.IN_PERSON && delegation.attendance() == ParticipationMode.REMOTE) {
            throw SpeakingRequestRefused.invalid("modality",
                    "the delegation attends remotely: choose REMOTE_LIVE or VIDEO");
        }
        return new Admitted(delegation, draft, actor, speaker, claim);
    }

    /**
     * The new request, under the forum's lock. One active request per delegation; every preferred session is one of
     * the forum's, listed once, and takes the modality. A request at or after {@code deadline} (null: none) is late:
     * under {@link LatePolicy#REJECT} it is recorded and rejected at once, else it waits for the allocation, which
     * the caller runs next for an active request (the request is WAITLISTED until then).
     *
     * @param activeRequestId the delegation's active request, if any
     * @param sessions        the forum's sessions
     */
    public SpeakingRequest.Decision submit(Admitted admitted, UUID requestId, UUID activeRequestId,
                                           List<SessionSlots> sessions, Instant deadline, LatePolicy latePolicy,
                                           Instant now) {
        Draft draft = admitted.draft();
        UUID roundTable = roundTableOf(sessions, draft.preferredSessionIds());
        if (activeRequestId != null) {
            throw SpeakingRequestRefused.conflict("request-exists", roundTable == null
                            ? "This delegation already has an active speaking request; withdraw it first."
                            : "This delegation already has a request for a seat at this round table: one seat per "
                            + "delegation.")
                    .with("requestId", activeRequestId);
        }
        checkPreferences(sessions, draft);
        if (roundTable != null) {
            new RoundTableEligibility(ranks.precedence()).require(admitted.claim().forPrecedence());
        }
        String topic = topicOf(draft, roundTable != null);
        Delegation delegation = admitted.delegation();
        SessionKind kind = roundTable == null ? SessionKind.HIGH_LEVEL_POLICY_SESSION
                : SessionKind.MINISTERIAL_ROUND_TABLE;
        boolean late = deadline != null && Deadline.hasPassed(deadline, now);
        SpeakingRequest.Speaker speaker = admitted.speaker();
        SpeakingRequest request = new SpeakingRequest(requestId, delegation.forumId(), delegation.invitationId(),
                delegation.memberState(),
                new SpeakingRequest.Speaker(speaker.name().trim(), speaker.title().trim(), admitted.claim().claimed(),
                        speaker.substitute()),
                SpeakingRequest.RankStanding.of(admitted.claim(), now), draft.preferredSessionIds(),
                draft.statementLanguage(), draft.modality(), topic, draft.statementText(),
                draft.videoReference(), now, admitted.actor(), late, RequestStatus.WAITLISTED, null, null, null, null,
                null);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new SpeakingRequestSubmitted(UUID.randomUUID(), now, delegation.invitationId(), requestId,
                request.speakerOfRecord(), draft.preferredSessionIds(), draft.statementLanguage(), draft.modality(),
                request.topic(), late, kind));
        if (late && latePolicy == LatePolicy.REJECT) {
            SpeakingRequest.Decision rejected = request.close(RequestStatus.REJECTED, LATE_REASON, null, now, kind);
            events.addAll(rejected.events());
            return new SpeakingRequest.Decision(rejected.request(), events);
        }
        return new SpeakingRequest.Decision(request, events);
    }

    /**
     * The round table a request asks a seat at, or null for a request for speaking time at the high-level policy
     * sessions. A round-table request names exactly one round table and nothing else: one seat per delegation and
     * round table, and the two kinds of request are independent.
     */
    public static UUID roundTableOf(List<SessionSlots> sessions, List<UUID> preferredSessionIds) {
        Set<UUID> roundTables = new HashSet<>();
        sessions.stream().filter(SessionSlots::roundTable).forEach(s -> roundTables.add(s.sessionId()));
        UUID roundTable = null;
        for (int i = 0; i < preferredSessionIds.size(); i++) {
            if (roundTables.contains(preferredSessionIds.get(i))) {
                roundTable = preferredSessionIds.get(i);
                if (preferredSessionIds.size() > 1) {
                    throw SpeakingRequestRefused.invalid("preferredSessionIds[" + i + "]", "a request for a seat at "
                            + "a ministerial round table names that round table alone; ask for speaking time at the "
                            + "high-level policy sessions in a request of its own");
                }
            }
        }
        return roundTable;
    }

    /**
     * A request for speaking time says what the statement is about; a seat at a round table has no statement, so
     * its topic may be left out there. A topic given is never blank (the API's pattern says so to partners).
     */
    static String topicOf(Draft draft, boolean roundTable) {
        if (draft.topic() != null && draft.topic().isBlank()) {
            throw SpeakingRequestRefused.invalid("topic", roundTable ? "must not be blank: leave it out for a seat"
                    : "must not be blank");
        }
        if (draft.topic() == null && !roundTable) {
            throw SpeakingRequestRefused.invalid("topic", "a request for speaking time needs the statement's topic");
        }
        return draft.topic() == null ? null : draft.topic().trim();
    }

    /**
     * The invited Minister speaks with the invitation's rank; only a substitute states a rank of their own (whether
     * it counts for precedence at once is {@link RankClaimPolicy}'s to say).
     */
    static SpeakingRequest.Speaker speakerFor(Delegation delegation, SpeakingRequest.Speaker given) {
        Rank invited = delegation.invitedRank();
        if (!given.substitute()) {
            if (given.rank() != null && given.rank() != invited) {
                throw SpeakingRequestRefused.invalid("speaker.rank", "the invited Minister's rank comes from the "
                        + "invitation (" + invited + "); a speaker of another rank is a substitute");
            }
            return new SpeakingRequest.Speaker(given.name(), given.title(), invited, false);
        }
        if (given.rank() == null) {
            throw SpeakingRequestRefused.invalid("speaker.rank", "a substitute's rank is required");
        }
        return given;
    }

    private static void checkPreferences(List<SessionSlots> sessions, Draft draft) {
        Map<UUID, SessionSlots> byId = new HashMap<>();
        sessions.forEach(s -> byId.put(s.sessionId(), s));
        List<UUID> wanted = draft.preferredSessionIds();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            UUID id = wanted.get(i);
            String field = "preferredSessionIds[" + i + "]";
            SessionSlots session = byId.get(id);
            if (session == null) {
                throw SpeakingRequestRefused.invalid(field, "no session " + id + " in this forum");
            }
            if (!seen.add(id)) {
                throw SpeakingRequestRefused.invalid(field, "listed twice");
            }
            if (!session.accepts(draft.modality())) {
                throw SpeakingRequestRefused.invalid(field, "this session does not take " + draft.modality()
                        + " statements");
            }
        }
    }
}
