package itu.wsis.speaking.domain;

import itu.wsis.events.DomainEvent;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestSubmitted;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Who may ask for speaking time, and what a submission becomes (docs/allocation.md, "Submission"). */
class SubmissionPolicyTest {

    static final Instant NOW = Instant.parse("2026-05-02T10:00:00Z");
    static final UUID FORUM = UUID.randomUUID();

    final SubmissionPolicy policy = new SubmissionPolicy(new RankClaimPolicy(Precedence.protocol()));
    final SessionSlots everything = new SessionSlots(UUID.randomUUID(), 10,
            EnumSet.allOf(SpeakingModality.class), NOW.plus(Duration.ofDays(30)));
    final SessionSlots videoOnly = new SessionSlots(UUID.randomUUID(), 10, Set.of(SpeakingModality.VIDEO),
            NOW.plus(Duration.ofDays(31)));

    static Delegation accepted(ParticipationMode attendance) {
        return new Delegation(UUID.randomUUID(), FORUM, "Bhutan", Rank.MINISTER, ReplyStatus.ACCEPTED, attendance,
                true, false, false);
    }

    static SubmissionPolicy.Draft draft(SpeakingRequest.Speaker speaker, SpeakingModality modality, List<UUID> wanted) {
        return new SubmissionPolicy.Draft(speaker, wanted, Language.EN, modality, "  Digital divides  ", null, null);
    }

    SubmissionPolicy.Draft minister(SpeakingModality modality) {
        return draft(new SpeakingRequest.Speaker(" H.E. Ms A ", " Minister ", null, false), modality,
                List.of(everything.sessionId()));
    }

    SpeakingRequest.Decision submit(Delegation d, SubmissionPolicy.Draft draft, Instant deadline, LatePolicy late) {
        return policy.submit(policy.admit(d, draft, Actor.INVITEE), UUID.randomUUID(), null,
                List.of(everything, videoOnly), deadline, late, NOW);
    }

    static SpeakingRequestRefused refusal(Runnable call) {
        return catchThrowableOfType(SpeakingRequestRefused.class, call::run);
    }

    @Test
    void onlyADelegationThatAcceptedMayAsk() {
        for (ReplyStatus reply : new ReplyStatus[]{null, ReplyStatus.DECLINED, ReplyStatus.WITHDRAWN}) {
            Delegation d = new Delegation(UUID.randomUUID(), FORUM, "Bhutan", Rank.MINISTER, reply, null, true,
                    false, false);
            SpeakingRequestRefused refused = refusal(() -> policy.admit(d, minister(SpeakingModality.VIDEO),
                    Actor.INVITEE));
            assertThat(refused).as(String.valueOf(reply)).isNotNull();
            assertThat(refused.slug()).isEqualTo("reply-not-accepted");
        }
    }

    @Test
    void anInvitationNotYetKnownHereCannotAsk() {
        Delegation d = new Delegation(UUID.randomUUID(), null, null, null, ReplyStatus.ACCEPTED, null, false, false,
                false);
        assertThat(refusal(() -> policy.admit(d, minister(SpeakingModality.VIDEO), Actor.INVITEE)).slug())
                .isEqualTo("invitation-not-ready");
    }

    @Test
    void aDelegationAttendingRemotelyCannotSpeakInPerson() {
        SpeakingRequestRefused refused = refusal(() -> policy.admit(accepted(ParticipationMode.REMOTE),
                minister(SpeakingModality.IN_PERSON), Actor.INVITEE));
        assertThat(refused.field()).isEqualTo("modality");
        assertThat(policy.admit(accepted(ParticipationMode.REMOTE), minister(SpeakingModality.REMOTE_LIVE),
                Actor.INVITEE)).isNotNull();
    }

    @Test
    void theInvitedMinisterTakesTheInvitationsRankAndAnotherRankMakesASubstitute() {
        SpeakingRequestRefused refused = refusal(() -> policy.admit(accepted(ParticipationMode.IN_PERSON),
                draft(new SpeakingRequest.Speaker("A", "B", Rank.HEAD_OF_STATE, false), SpeakingModality.IN_PERSON,
                        List.of(everything.sessionId())), Actor.INVITEE));
        assertThat(refused.field()).isEqualTo("speaker.rank");
        assertThat(refused.getMessage()).contains("(MINISTER)");

        SpeakingRequestRefused noRank = refusal(() -> policy.admit(accepted(ParticipationMode.IN_PERSON),
                draft(new SpeakingRequest.Speaker("A", "B", null, true), SpeakingModality.IN_PERSON,
                        List.of(everything.sessionId())), Actor.INVITEE));
        assertThat(noRank.field()).isEqualTo("speaker.rank");
        assertThat(noRank.getMessage()).isEqualTo("a substitute's rank is required");
    }

    @Test
    void anOnTimeRequestWaitsForTheAllocationAndIsAnnouncedOnce() {
        Delegation d = accepted(ParticipationMode.IN_PERSON);
        SpeakingRequest.Decision decision = submit(d, minister(SpeakingModality.IN_PERSON), NOW.plusSeconds(1),
                LatePolicy.REJECT);

        SpeakingRequest r = decision.request();
        assertThat(r.status()).isEqualTo(RequestStatus.WAITLISTED);
        assertThat(r.late()).isFalse();
        assertThat(r.speaker()).isEqualTo(new SpeakingRequest.Speaker("H.E. Ms A", "Minister", Rank.MINISTER, false));
        assertThat(r.standing().forPrecedence()).isEqualTo(Rank.MINISTER);
        assertThat(r.standing().confirmation()).isNull();
        assertThat(r.topic()).isEqualTo("Digital divides");
        assertThat(r.memberState()).isEqualTo("Bhutan");
        assertThat(r.submittedBy()).isEqualTo(Actor.INVITEE);
        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(SpeakingRequestSubmitted.class, e -> {
            assertThat(e.requestId()).isEqualTo(r.id());
            assertThat(e.invitationId()).isEqualTo(d.invitationId());
            assertThat(e.late()).isFalse();
            assertThat(e.topic()).isEqualTo("Digital divides");
            assertThat(e.speaker().name()).isEqualTo("H.E. Ms A");
        });
    }

    /**
     * A statement has a topic; a seat at a round table has none to state (issue 17): there a missing topic is none,
     * and one given is kept. A blank one is refused for either, as the API's pattern says.
     */
    @Test
    void speakingTimeNeedsATopicAndASeatAtARoundTableDoesNot() {
        Delegation d = accepted(ParticipationMode.IN_PERSON);
        SessionSlots table = new SessionSlots(UUID.randomUUID(), 20, Set.of(SpeakingModality.IN_PERSON),
                NOW.plus(Duration.ofDays(32)), SessionKind.MINISTERIAL_ROUND_TABLE);
        SpeakingRequest.Speaker minister = new SpeakingRequest.Speaker("H.E. Ms A", "Minister", null, false);
        for (String none : new String[]{null, "", "   "}) {
            SubmissionPolicy.Draft speaking = new SubmissionPolicy.Draft(minister, List.of(everything.sessionId()),
                    Language.EN, SpeakingModality.IN_PERSON, none, null, null);
            SpeakingRequestRefused refused = refusal(() -> policy.submit(policy.admit(d, speaking, Actor.INVITEE),
                    UUID.randomUUID(), null, List.of(everything, table), null, LatePolicy.WAITLIST, NOW));
            assertThat(refused.field()).as("topic %s", none).isEqualTo("topic");
        }
        for (String blank : new String[]{"", "   "}) {
            SubmissionPolicy.Draft seat = new SubmissionPolicy.Draft(minister, List.of(table.sessionId()),
                    Language.EN, SpeakingModality.IN_PERSON, blank, null, null);
            assertThat(refusal(() -> policy.submit(policy.admit(d, seat, Actor.INVITEE), UUID.randomUUID(), null,
                    List.of(everything, table), null, LatePolicy.WAITLIST, NOW)).field()).isEqualTo("topic");
        }
        SubmissionPolicy.Draft seat = new SubmissionPolicy.Draft(minister, List.of(table.sessionId()),
                Language.EN, SpeakingModality.IN_PERSON, null, null, null);
        SpeakingRequest.Decision decision = policy.submit(policy.admit(d, seat, Actor.INVITEE), UUID.randomUUID(),
                null, List.of(everything, table), null, LatePolicy.WAITLIST, NOW);
        assertThat(decision.request().topic()).isNull();
        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(SpeakingRequestSubmitted.class,
                e -> {
                    assertThat(e.topic()).isNull();
                    assertThat(e.sessionKind()).isEqualTo(SessionKind.MINISTERIAL_ROUND_TABLE);
                });
        SubmissionPolicy.Draft seatWithTopic = new SubmissionPolicy.Draft(minister, List.of(table.sessionId()),
                Language.EN, SpeakingModality.IN_PERSON, " Connectivity ", null, null);
        assertThat(policy.submit(policy.admit(d, seatWithTopic, Actor.INVITEE), UUID.randomUUID(), null,
                List.of(everything, table), null, LatePolicy.WAITLIST, NOW).request().topic()).isEqualTo("Connectivity");
    }

    /** The deadline is an instant: a request at it or after it is late, one before it is not. */
    @Property
    void lateMeansAtOrAfterTheDeadline(@ForAll @LongRange(min = -86_400, max = 86_400) long secondsToDeadline) {
        Instant deadline = NOW.plusSeconds(secondsToDeadline);
        SpeakingRequest.Decision waitlisted = submit(accepted(ParticipationMode.IN_PERSON),
                minister(SpeakingModality.IN_PERSON), deadline, LatePolicy.WAITLIST);
        SpeakingRequest.Decision rejected = submit(accepted(ParticipationMode.IN_PERSON),
                minister(SpeakingModality.IN_PERSON), deadline, LatePolicy.REJECT);

        boolean late = !NOW.isBefore(deadline);
        assertThat(waitlisted.request().late()).isEqualTo(late);
        assertThat(waitlisted.request().status()).isEqualTo(RequestStatus.WAITLISTED);
        assertThat(waitlisted.request().placement()).isEqualTo(late
                ? new Placement.Held("late request: waits until the secretariat assigns it") : Placement.AUTOMATIC);
        assertThat(rejected.request().status()).isEqualTo(late ? RequestStatus.REJECTED : RequestStatus.WAITLISTED);
        assertThat(rejected.events()).hasSize(late ? 2 : 1);
    }

    @Test
    void noDeadlineMeansNeverLate() {
        assertThat(submit(accepted(null), minister(SpeakingModality.VIDEO), null, LatePolicy.REJECT).request().late())
                .isFalse();
    }

    @Test
    void aLateRequestUnderTheRejectPolicyIsRecordedRejectedAndBothAreAnnounced() {
        SpeakingRequest.Decision decision = submit(accepted(ParticipationMode.IN_PERSON),
                minister(SpeakingModality.IN_PERSON), NOW.minusSeconds(1), LatePolicy.REJECT);

        assertThat(decision.request().status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(decision.request().statusReason()).isEqualTo(SubmissionPolicy.LATE_REASON);
        assertThat(decision.request().closedAt()).isEqualTo(NOW);
        List<DomainEvent> events = decision.events();
        assertThat(events.get(0)).isInstanceOf(SpeakingRequestSubmitted.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(SpeakingRequestRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(SubmissionPolicy.LATE_REASON);
            assertThat(e.releasedSessionId()).isNull();
        });
    }

    @Test
    void oneActiveRequestPerDelegation() {
        UUID existing = UUID.randomUUID();
        SubmissionPolicy.Admitted admitted = policy.admit(accepted(null), minister(SpeakingModality.VIDEO),
                Actor.INVITEE);
        SpeakingRequestRefused refused = refusal(() -> policy.submit(admitted, UUID.randomUUID(), existing,
                List.of(everything), null, LatePolicy.WAITLIST, NOW));
        assertThat(refused.slug()).isEqualTo("request-exists");
        assertThat(refused.details()).containsEntry("requestId", existing);
    }

    @Test
    void everyPreferredSessionIsTheForumsListedOnceAndTakesTheModality() {
        UUID unknown = UUID.randomUUID();
        assertThat(preferencesRefusal(SpeakingModality.VIDEO, everything.sessionId(), unknown).field())
                .isEqualTo("preferredSessionIds[1]");
        assertThat(preferencesRefusal(SpeakingModality.VIDEO, everything.sessionId(), everything.sessionId())
                .getMessage()).isEqualTo("listed twice");
        SpeakingRequestRefused modality = preferencesRefusal(SpeakingModality.IN_PERSON, everything.sessionId(),
                videoOnly.sessionId());
        assertThat(modality.field()).isEqualTo("preferredSessionIds[1]");
        assertThat(modality.getMessage()).isEqualTo("this session does not take IN_PERSON statements");
    }

    private SpeakingRequestRefused preferencesRefusal(SpeakingModality modality, UUID... wanted) {
        SubmissionPolicy.Admitted admitted = policy.admit(accepted(null),
                draft(new SpeakingRequest.Speaker("A", "B", null, false), modality, List.of(wanted)), Actor.INVITEE);
        return refusal(() -> policy.submit(admitted, UUID.randomUUID(), null, List.of(everything, videoOnly), null,
                LatePolicy.WAITLIST, NOW));
    }

    @Test
    void aHigherRankClaimedForASubstituteWaitsUnlessTheSecretariatEntersIt() {
        SubmissionPolicy.Draft substitute = draft(new SpeakingRequest.Speaker("A", "B", Rank.HEAD_OF_STATE, true),
                SpeakingModality.VIDEO, List.of(everything.sessionId()));

        SpeakingRequest byInvitee = policy.submit(policy.admit(accepted(null), substitute, Actor.INVITEE),
                UUID.randomUUID(), null, List.of(everything), null, LatePolicy.WAITLIST, NOW).request();
        assertThat(byInvitee.standing()).isEqualTo(new SpeakingRequest.RankStanding(Rank.MINISTER,
                RankConfirmation.PENDING, null, null, null));

        SpeakingRequest bySecretariat = policy.submit(policy.admit(accepted(null), substitute, Actor.SECRETARIAT),
                UUID.randomUUID(), null, List.of(everything), null, LatePolicy.WAITLIST, NOW).request();
        assertThat(bySecretariat.standing()).isEqualTo(new SpeakingRequest.RankStanding(Rank.HEAD_OF_STATE,
                RankConfirmation.CONFIRMED, SpeakingRequest.SECRETARIAT_ENTRY, NOW, null));
        assertThat(bySecretariat.submittedBy()).isEqualTo(Actor.SECRETARIAT);
    }

    @Test
    void theSecretariatActsOnlyOnAnIssuedUnrevokedInvitationWithItsPersonalData() {
        UUID id = UUID.randomUUID();
        assertThat(refusal(() -> new Delegation(id, FORUM, null, null, ReplyStatus.ACCEPTED, null, false, false, false)
                .requireOpenToSecretariat()).field()).isEqualTo("invitationId");
        assertThat(refusal(() -> new Delegation(id, FORUM, null, null, ReplyStatus.ACCEPTED, null, true, true, false)
                .requireOpenToSecretariat()).slug()).isEqualTo("invitation-revoked");
        assertThat(refusal(() -> new Delegation(id, FORUM, null, null, ReplyStatus.ACCEPTED, null, true, false, true)
                .requireOpenToSecretariat()).slug()).isEqualTo("personal-data-erased");
        new Delegation(id, FORUM, null, null, ReplyStatus.ACCEPTED, null, true, false, false).requireOpenToSecretariat();
    }
}
