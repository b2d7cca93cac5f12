package itu.wsis.speaking.domain;

import itu.wsis.events.DomainEvent;
import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakerRankDecided;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestWithdrawn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A delegation's request for speaking time and the rules of its life after submission ({@link SubmissionPolicy}
 * decides the submission): closing, substitution of the speaker, the secretariat's rank decision and overrides.
 * Each rule returns the changed request, with the events to publish where the change is news; the seats themselves
 * are the allocation's ({@link AllocationPolicy}), recomputed by the caller after every change.
 *
 * @param speaker            who speaks, with the rank claimed for them
 * @param standing           the rank the allocation orders by, and the secretariat's decision on a claimed rank
 * @param waitingPosition    the place on the forum's waiting list while WAITLISTED
 * @param overrideSessionId  the session of an ASSIGNED or SUBSTITUTION override
 */
public record SpeakingRequest(UUID id, UUID forumId, UUID invitationId, String memberState, Speaker speaker,
                              RankStanding standing, List<UUID> preferredSessionIds, Language statementLanguage,
                              SpeakingModality modality, String topic, String statementText, String videoReference,
                              Instant submittedAt, Actor submittedBy, boolean late, RequestStatus status,
                              Integer waitingPosition, OverrideKind overrideKind, UUID overrideSessionId,
                              String statusReason, Instant closedAt) {

    /** Who decided a rank the secretariat entered itself (on the delegation's behalf). */
    public static final String SECRETARIAT_ENTRY = "secretariat (entered on the delegation's behalf)";

    /** The speaker: the invited Minister ({@code substitute} false, rank from the invitation) or a substitute. */
    public record Speaker(String name, String title, Rank rank, boolean substitute) {
    }

    /**
     * The rank that counts for precedence and, when the claimed rank needed it, the secretariat's confirmation
     * ({@code confirmation} null when the invitation supports the claim).
     */
    public record RankStanding(Rank forPrecedence, RankConfirmation confirmation, String decidedBy, Instant decidedAt,
                               String note) {

        public RankStanding {
            Objects.requireNonNull(forPrecedence, "forPrecedence");
        }

        /** A new claim: confirmed at once only when the secretariat entered it (it is then who decided). */
        static RankStanding of(RankClaimPolicy.RankClaim claim, Instant now) {
            boolean entered = claim.confirmation() == RankConfirmation.CONFIRMED;
            return new RankStanding(claim.forPrecedence(), claim.confirmation(), entered ? SECRETARIAT_ENTRY : null,
                    entered ? now : null, null);
        }
    }

    /** A rule's verdict: the request as it now stands and the events that announce the change, in order. */
    public record Decision(SpeakingRequest request, List<DomainEvent> events) {

        public Decision {
            Objects.requireNonNull(request, "request");
            events = List.copyOf(events);
        }
    }

    public SpeakingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(status, "status");
        preferredSessionIds = List.copyOf(preferredSessionIds);
    }

    public boolean active() {
        return status.active();
    }

    /** The claim as it stands against the rank the invitation supports. */
    public RankClaimPolicy.RankClaim claim(Rank invited) {
        return new RankClaimPolicy.RankClaim(speaker.rank(), invited, standing.confirmation());
    }

    /** The speaker as the events name them. */
    public itu.wsis.events.Speaker speakerOfRecord() {
        return new itu.wsis.events.Speaker(speaker.name(), speaker.title(), speaker.rank(), speaker.substitute(),
                standing.confirmation());
    }

    /** How the allocation treats the request: an override first, then a late request waits for the secretariat. */
    public Placement placement() {
        return placement(overrideKind, overrideSessionId, late);
    }

    /** {@link #placement()} from the stored facts alone, for the allocation's candidates. */
    public static Placement placement(OverrideKind overrideKind, UUID overrideSessionId, boolean late) {
        if (overrideKind == OverrideKind.HELD) {
            return new Placement.Held("put on the waiting list by the secretariat");
        }
        if (overrideKind == OverrideKind.ASSIGNED && overrideSessionId != null) {
            return new Placement.Pinned(overrideSessionId, "assigned by the secretariat");
        }
        if (overrideKind == OverrideKind.SUBSTITUTION && overrideSessionId != null) {
            return new Placement.Pinned(overrideSessionId, "speaker substituted: keeps its session");
        }
        if (late) {
            return new Placement.Held("late request: waits until the secretariat assigns it");
        }
        return Placement.AUTOMATIC;
    }

    /** Every rule below changes an active request only: a withdrawn or rejected one is final. */
    public SpeakingRequest requireActive() {
        if (!active()) {
            throw SpeakingRequestRefused.conflict("request-closed", "This request is already " + status + ".");
        }
        return this;
    }

    /**
     * Ends the request, withdrawn or rejected with {@code reason}. {@code releasedSessionId} is the session whose
     * seat it gives up (null when it waited), which the event names so that the seat's next holder can be told.
     */
    public Decision close(RequestStatus end, String reason, UUID releasedSessionId, Instant now) {
        return close(end, reason, releasedSessionId, now, SessionKind.HIGH_LEVEL_POLICY_SESSION);
    }

    /** {@link #close(RequestStatus, String, UUID, Instant)} for a request of {@code kind}, which the event names. */
    public Decision close(RequestStatus end, String reason, UUID releasedSessionId, Instant now, SessionKind kind) {
        if (end.active()) {
            throw new IllegalArgumentException("a request ends WITHDRAWN or REJECTED, not " + end);
        }
        requireActive();
        SpeakingRequest closed = new SpeakingRequest(id, forumId, invitationId, memberState, speaker, standing,
                preferredSessionIds, statementLanguage, modality, topic, statementText, videoReference, submittedAt,
                submittedBy, late, end, null, overrideKind, overrideSessionId, reason, now);
        DomainEvent event = end == RequestStatus.REJECTED
                ? new SpeakingRequestRejected(UUID.randomUUID(), now, invitationId, id, reason, releasedSessionId,
                        kind)
                : new SpeakingRequestWithdrawn(UUID.randomUUID(), now, invitationId, id, reason, releasedSessionId,
                        kind);
        return new Decision(closed, List.of(event));
    }

    /**
     * A new speaker. Their rank is judged as at submission ({@link SubmissionPolicy#speakerFor}, {@link
     * RankClaimPolicy}); a request seated in {@code seatedIn} whose rank for precedence changes keeps its session.
     */
    public Decision substitute(Speaker given, Delegation delegation, Actor actor, RankClaimPolicy ranks,
                               UUID seatedIn, Instant now) {
        requireActive();
        Speaker named = SubmissionPolicy.speakerFor(delegation, given);
        RankClaimPolicy.RankClaim claim = ranks.assess(delegation.invitedRank(), named.rank(), named.substitute(),
                actor.claimant());
        boolean reRanked = standing.forPrecedence() != claim.forPrecedence();
        SpeakingRequest substituted = withSpeaker(new Speaker(named.name().trim(), named.title().trim(),
                claim.claimed(), named.substitute()), RankStanding.of(claim, now))
                .keepingSessionIf(reRanked, seatedIn);
        return new Decision(substituted, List.of(new SpeakerSubstituted(UUID.randomUUID(), now, invitationId, id,
                speakerOfRecord(), substituted.speakerOfRecord())));
    }

    /**
     * The secretariat confirms or refuses a claimed rank that waits for it. A confirmed rank counts for precedence
     * from now on, a refused one never; a seated request whose rank for precedence changes keeps its session.
     */
    public Decision decideRank(boolean confirm, String note, String decidedBy, Rank invited, RankClaimPolicy ranks,
                               UUID seatedIn, Instant now) {
        requireActive();
        RankClaimPolicy.RankClaim before = claim(invited);
        if (!before.pending()) {
            throw SpeakingRequestRefused.conflict("rank-not-pending",
                            "This request's speaker rank does not wait for a confirmation.")
                    .with("rankConfirmation", standing.confirmation() == null ? "NOT_NEEDED"
                            : standing.confirmation().name());
        }
        RankClaimPolicy.RankClaim after = ranks.decide(before, confirm);
        SpeakingRequest decided = withSpeaker(speaker, new RankStanding(after.forPrecedence(), after.confirmation(),
                decidedBy, now, note))
                .keepingSessionIf(before.forPrecedence() != after.forPrecedence(), seatedIn);
        return new Decision(decided, List.of(new SpeakerRankDecided(UUID.randomUUID(), now, invitationId, id,
                after.claimed(), confirm, after.forPrecedence(), note)));
    }

    /**
     * The secretariat pins the request to a session of its forum ({@code session} null when the forum has no such
     * session). It takes a seat there even if the rule would not give it one, as long as the seats the secretariat
     * fixed there ({@code pinnedByOthers}, this request's own not counted) leave one.
     */
    public SpeakingRequest assign(UUID sessionId, SessionSlots session, long pinnedByOthers) {
        requireActive();
        if (session == null || !session.sessionId().equals(sessionId)) {
            throw SpeakingRequestRefused.invalid("sessionId", "no session " + sessionId + " in this forum");
        }
        if (!session.accepts(modality)) {
            throw SpeakingRequestRefused.conflict("modality-not-offered",
                    "This session does not take " + modality + " statements.");
        }
        if (pinnedByOthers >= session.capacity()) {
            throw SpeakingRequestRefused.conflict("session-full",
                    "Every seat of this session is already assigned by the secretariat.");
        }
        return withOverride(OverrideKind.ASSIGNED, sessionId);
    }

    /**
     * {@link #assign(UUID, SessionSlots, long)} for a request of one pool: {@code roundTableId} is the round table
     * it asks a seat at, null for a request for speaking time. Each is assigned only within its own pool.
     */
    public SpeakingRequest assign(UUID sessionId, SessionSlots session, long pinnedByOthers, UUID roundTableId) {
        if (session != null && session.sessionId().equals(sessionId)) {
            UUID pool = session.roundTable() ? session.sessionId() : null;
            if (!Objects.equals(pool, roundTableId)) {
                throw SpeakingRequestRefused.invalid("sessionId", roundTableId == null
                        ? "a request for speaking time is assigned to a high-level policy session, not a round table"
                        : "a request for a seat at a round table is assigned to that round table only");
            }
        }
        return assign(sessionId, session, pinnedByOthers);
    }

    /** The secretariat keeps the request on the waiting list until it assigns or releases it. */
    public SpeakingRequest hold() {
        return requireActive().withOverride(OverrideKind.HELD, null);
    }

    /** Any override removed: the rule places the request again. */
    public SpeakingRequest release() {
        return requireActive().withOverride(null, null);
    }

    /**
     * The delegation now attends remotely: an in-person statement becomes a live remote one (which also drops the
     * in-person priority). Any other request is unchanged, and so is a closed one.
     */
    public SpeakingRequest attendingRemotely() {
        if (!active() || modality != SpeakingModality.IN_PERSON) {
            return this;
        }
        return new SpeakingRequest(id, forumId, invitationId, memberState, speaker, standing, preferredSessionIds,
                statementLanguage, SpeakingModality.REMOTE_LIVE, topic, statementText, videoReference, submittedAt,
                submittedBy, late, status, waitingPosition, overrideKind, overrideSessionId, statusReason, closedAt);
    }

    /**
     * The documented rule: a seated request keeps its session when the rank it counts with changes (a substitution,
     * a confirmed or refused rank); only its place in that session's order moves (docs/allocation.md). An override
     * already in place stays as it is.
     */
    private SpeakingRequest keepingSessionIf(boolean reRanked, UUID seatedIn) {
        return reRanked && seatedIn != null && overrideKind == null
                ? withOverride(OverrideKind.SUBSTITUTION, seatedIn) : this;
    }

    private SpeakingRequest withSpeaker(Speaker newSpeaker, RankStanding newStanding) {
        return new SpeakingRequest(id, forumId, invitationId, memberState, newSpeaker, newStanding,
                preferredSessionIds, statementLanguage, modality, topic, statementText, videoReference, submittedAt,
                submittedBy, late, status, waitingPosition, overrideKind, overrideSessionId, statusReason, closedAt);
    }

    private SpeakingRequest withOverride(OverrideKind kind, UUID sessionId) {
        return new SpeakingRequest(id, forumId, invitationId, memberState, speaker, standing, preferredSessionIds,
                statementLanguage, modality, topic, statementText, videoReference, submittedAt, submittedBy, late,
                status, waitingPosition, kind, sessionId, statusReason, closedAt);
    }
}
