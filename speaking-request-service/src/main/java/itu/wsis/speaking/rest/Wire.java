package itu.wsis.speaking.rest;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingModality;
import itu.wsis.speaking.domain.AllocationSettings;
import itu.wsis.speaking.domain.DryRun;
import itu.wsis.speaking.domain.LatePolicy;
import itu.wsis.speaking.domain.ListOfSpeakers;
import itu.wsis.speaking.domain.PlacedRequest;
import itu.wsis.speaking.domain.RequestStatus;
import itu.wsis.speaking.domain.Session;
import itu.wsis.speaking.domain.Slot;
import itu.wsis.speaking.domain.SpeakingRequest;
import itu.wsis.speaking.domain.SubmissionPolicy;
import itu.wsis.speaking.service.Commands;
import itu.wsis.speaking.service.SessionService;
import itu.wsis.speaking.service.SpeakingRequestQueries;
import itu.wsis.support.validation.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON of this service's API: request bodies end in Request, answers and their parts in Response (docs/api/README.md,
 * Naming). Requests are validated here; unknown properties are refused by Jackson.
 */
public final class Wire {

    private Wire() {
    }

    // ---------------------------------------------------------------- requests

    /** {@code rank} only for a substitute; the invited Minister's rank comes from the invitation. */
    public record SpeakerRequest(@NotBlank @SingleLine @Size(max = 200) String name,
                                 @NotBlank @SingleLine @Size(max = 200) String title,
                                 Rank rank, boolean substitute) {
        SpeakingRequest.Speaker toSpeaker() {
            return new SpeakingRequest.Speaker(name, title, rank, substitute);
        }
    }

    public record SubmitSpeakingRequest(
            @NotNull @Valid SpeakerRequest speaker,
            @NotEmpty @Size(max = 10) List<@NotNull UUID> preferredSessionIds,
            @NotNull Language statementLanguage,
            @NotNull SpeakingModality modality,
            @Schema(description = "What the statement is about: required for speaking time at the high-level "
                    + "policy sessions (a 400 on `topic` without it); left out for a seat at a ministerial round "
                    + "table, which has no statement. Never blank when given.", pattern = "\\S")
            @SingleLine @Size(max = 300) String topic,
            @Size(max = 20000) String statementText,
            @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https:// address")
            String videoReference) {
        SubmissionPolicy.Draft toDraft() {
            return new SubmissionPolicy.Draft(speaker.toSpeaker(), preferredSessionIds, statementLanguage, modality,
                    topic, statementText, videoReference);
        }
    }

    public record SessionRequest(
            @NotEmpty Map<@NotNull @Pattern(regexp = "ar|en|es|fr|ru|zh", message = "must be ar, en, es, fr, ru or zh")
                    String, @NotBlank @SingleLine @Size(max = 300) String> titles,
            @NotNull LocalDateTime start,
            @NotNull LocalDateTime end,
            @Min(0) @Max(200) int capacity,
            @Min(1) @Max(60) Integer statementMinutes,
            @NotEmpty Set<@NotNull SpeakingModality> modalities,
            @Schema(description = "The room at the venue, e.g. \"CICG, Room 2\"; one line. Optional.")
            @SingleLine @Size(max = Session.ROOM_MAX) String room,
            @Schema(description = "The link that admits remote live speakers: an absolute https:// address. Optional. "
                    + "Shown to the secretariat, and to a delegation only once its REMOTE_LIVE request holds a slot "
                    + "in this session.")
            @Size(max = Session.REMOTE_JOIN_URL_MAX) String remoteJoinUrl,
            @Schema(description = "HIGH_LEVEL_POLICY_SESSION (the default): statements of `statementMinutes` in an "
                    + "order of speakers, `capacity` statements. MINISTERIAL_ROUND_TABLE: ministers only, one seat "
                    + "per delegation for the whole session, `capacity` seats (at least 1); `statementMinutes` does "
                    + "not apply. Fixed at creation.")
            SessionKind kind) {
        Commands.SessionInput toInput() {
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            titles.forEach((code, title) -> byLanguage.put(Language.fromCode(code), title));
            return new Commands.SessionInput(byLanguage, start, end, capacity, statementMinutes, modalities, room,
                    remoteJoinUrl, kind);
        }
    }

    public record AssignRequest(@NotNull UUID sessionId) {
    }

    public record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** The secretariat's decision on a rank that waits for confirmation, with an optional note for the record. */
    public record RankDecisionRequest(@NotNull RankDecision decision, @Size(max = 500) String note) {
    }

    public enum RankDecision {
        CONFIRM, REFUSE
    }

    public record LatePolicyRequest(@NotNull LatePolicy latePolicy) {
    }

    // ---------------------------------------------------------------- answers

    /** Titles keyed by ISO 639-1 code ("en", "fr"), as they are given. */
    static Map<String, String> byCode(Map<Language, String> titles) {
        Map<String, String> codes = new java.util.TreeMap<>();
        titles.forEach((language, title) -> codes.put(language.code(), title));
        return codes;
    }

    public record SessionResponse(UUID id, UUID forumId, Map<String, String> titles, Instant startsAt, Instant endsAt,
                                  LocalDateTime localStart, LocalDateTime localEnd, String timeZone, int capacity,
                                  int allocated, int statementMinutes, Set<SpeakingModality> modalities, String room,
                                  @Schema(description = "The link that admits remote live speakers; in the staff views "
                                          + "only, always null in a delegation's list of sessions (it admits people to "
                                          + "the session: a delegation sees it on its seat once it holds one).")
                                  String remoteJoinUrl, SessionKind kind) {
        /** The secretariat's and ops' view: everything, the join link included. */
        static SessionResponse from(Session s) {
            return of(s, s.remoteJoinUrl());
        }

        /** A delegation's view of a session it may ask to speak in: the room, never the join link. */
        static SessionResponse forInvitee(Session s) {
            return of(s, null);
        }

        private static SessionResponse of(Session s, String remoteJoinUrl) {
            return new SessionResponse(s.id(), s.forumId(), byCode(s.titles()), s.startsAt(), s.endsAt(),
                    LocalDateTime.ofInstant(s.startsAt(), s.zone()), LocalDateTime.ofInstant(s.endsAt(), s.zone()),
                    s.zone().getId(), s.capacity(), s.allocated(), s.statementMinutes(), s.modalities(), s.room(),
                    remoteJoinUrl, s.kind());
        }
    }

    public record SeatResponse(UUID sessionId, int position, Instant plannedStart, String room,
                               @Schema(description = "The session's join link, only for a REMOTE_LIVE request that holds "
                                       + "this seat; null otherwise.")
                               String remoteJoinUrl) {
        static SeatResponse from(Slot slot) {
            return slot == null ? null : new SeatResponse(slot.sessionId(), slot.position(), slot.plannedStart(),
                    slot.room(), slot.remoteJoinUrl());
        }
    }

    public record SpeakerResponse(String name, String title, Rank rank, boolean substitute) {
    }

    public record SpeakingRequestResponse(UUID id, UUID invitationId, UUID forumId, String memberState,
                                          SpeakerResponse speaker, List<UUID> preferredSessionIds,
                                          Language statementLanguage, SpeakingModality modality, String topic,
                                          String statementText, String videoReference, Instant submittedAt,
                                          String submittedBy, boolean late, RequestStatus status, SeatResponse seat,
                                          Integer waitingPosition, String override, UUID overrideSessionId,
                                          String statusReason, String explanation, Rank rankForPrecedence,
                                          RankConfirmationResponse rankConfirmation,
                                          @Schema(description = "MINISTERIAL_ROUND_TABLE for a request for a seat at the "
                                                  + "round table it names in `preferredSessionIds`; "
                                                  + "HIGH_LEVEL_POLICY_SESSION for a request for speaking time.")
                                          SessionKind sessionKind) {
        static SpeakingRequestResponse from(PlacedRequest placed) {
            SpeakingRequest r = placed.request();
            SpeakingRequest.Speaker speaker = r.speaker();
            return new SpeakingRequestResponse(r.id(), r.invitationId(), r.forumId(), r.memberState(),
                    new SpeakerResponse(speaker.name(), speaker.title(), speaker.rank(), speaker.substitute()),
                    r.preferredSessionIds(), r.statementLanguage(), r.modality(), r.topic(), r.statementText(),
                    r.videoReference(), r.submittedAt(), r.submittedBy().name(), r.late(), r.status(),
                    SeatResponse.from(placed.slot()), r.waitingPosition(),
                    r.overrideKind() == null ? null : r.overrideKind().name(), r.overrideSessionId(),
                    r.statusReason(), placed.explanation(), r.standing().forPrecedence(),
                    RankConfirmationResponse.from(r.standing()), placed.sessionKind());
        }
    }

    @Schema(description = "Everything a delegation's speaking pages show, in one answer: the personal link's rate "
            + "limit counts every call.")
    public record SpeakingOverviewResponse(
            @Schema(description = "The sessions of the invitation's forum, of every kind, in order of their start: "
                    + "the high-level policy sessions to ask for speaking time in, and the ministerial round tables "
                    + "to ask for a seat at (`kind`). As in `listMySessions`, without the join link.")
            List<SessionResponse> sessions,
            @Schema(description = "The delegation's latest request of each kind, active or not, oldest first: the "
                    + "one for speaking time (`sessionKind` HIGH_LEVEL_POLICY_SESSION), and one per round table it "
                    + "asked a seat at (MINISTERIAL_ROUND_TABLE, the round table in `preferredSessionIds`); each as "
                    + "`getMySpeakingRequest` answers it. Empty when the delegation has asked for nothing.")
            List<SpeakingRequestResponse> requests) {
        static SpeakingOverviewResponse from(SpeakingRequestQueries.Overview overview) {
            return new SpeakingOverviewResponse(overview.sessions().stream().map(SessionResponse::forInvitee).toList(),
                    overview.requests().stream().map(SpeakingRequestResponse::from).toList());
        }
    }

    /**
     * Present when the speaker's rank needed the secretariat's confirmation: {@code PENDING} (the request is placed
     * by {@code rankForPrecedence}, the invitation's rank, meanwhile), {@code CONFIRMED} or {@code REFUSED}.
     */
    public record RankConfirmationResponse(RankConfirmation status, String decidedBy, Instant decidedAt, String note) {
        static RankConfirmationResponse from(SpeakingRequest.RankStanding s) {
            return s.confirmation() == null ? null
                    : new RankConfirmationResponse(s.confirmation(), s.decidedBy(), s.decidedAt(), s.note());
        }
    }

    public record DryRunLineResponse(UUID requestId, String memberState, Rank rank, RequestStatus currentStatus,
                                     UUID currentSessionId, String outcome, UUID sessionId, Integer position,
                                     Integer waitingPosition, boolean changes, String explanation) {
        static DryRunLineResponse from(DryRun.Line l) {
            return new DryRunLineResponse(l.requestId(), l.memberState(), l.rank(), l.currentStatus(), l.currentSessionId(),
                    l.outcome().name(), l.sessionId(), l.position(), l.waitingPosition(), l.changes(), l.explanation());
        }
    }

    public record DryRunResponse(UUID forumId, boolean frozen, Instant computedAt, List<DryRunLineResponse> requests) {
        static DryRunResponse from(DryRun d) {
            return new DryRunResponse(d.forumId(), d.frozen(), d.computedAt(),
                    d.requests().stream().map(DryRunLineResponse::from).toList());
        }
    }

    public record SpeakerLineResponse(int position, String memberState, String speakerName, String speakerTitle,
                                      Rank rank, boolean substitute, SpeakingModality modality, Language language,
                                      Instant plannedStart, LocalDateTime plannedLocalStart) {
        static SpeakerLineResponse from(ListOfSpeakers.Speaker l, ZoneId zone) {
            return new SpeakerLineResponse(l.position(), l.memberState(), l.speakerName(), l.speakerTitle(), l.rank(),
                    l.substitute(), l.modality(), l.language(), l.plannedStart(),
                    LocalDateTime.ofInstant(l.plannedStart(), zone));
        }
    }

    public record SpeakersListResponse(UUID sessionId, UUID forumId, Map<String, String> titles, Instant startsAt,
                                       String timeZone, int statementMinutes, boolean published, int revision,
                                       List<SpeakerLineResponse> speakers) {
        static SpeakersListResponse from(ListOfSpeakers l) {
            Session s = l.session();
            return new SpeakersListResponse(s.id(), s.forumId(), byCode(s.titles()), s.startsAt(), s.zone().getId(),
                    s.statementMinutes(), l.published(), l.revision(),
                    l.speakers().stream().map(line -> SpeakerLineResponse.from(line, s.zone())).toList());
        }
    }

    /** A round table's participant: a seat, the delegation and who sits in it. */
    public record ParticipantLineResponse(int seat, String memberState, String participantName, String participantTitle,
                                          Rank rank, boolean substitute, SpeakingModality modality) {
        static ParticipantLineResponse from(ListOfSpeakers.Speaker l) {
            return new ParticipantLineResponse(l.position(), l.memberState(), l.speakerName(), l.speakerTitle(), l.rank(),
                    l.substitute(), l.modality());
        }
    }

    public record ParticipantsListResponse(UUID sessionId, UUID forumId, Map<String, String> titles, Instant startsAt,
                                           Instant endsAt, String timeZone, String room, int capacity, boolean published,
                                           int revision, List<ParticipantLineResponse> participants) {
        static ParticipantsListResponse from(ListOfSpeakers l) {
            Session s = l.session();
            return new ParticipantsListResponse(s.id(), s.forumId(), byCode(s.titles()), s.startsAt(), s.endsAt(),
                    s.zone().getId(), s.room(), s.capacity(), l.published(), l.revision(),
                    l.speakers().stream().map(ParticipantLineResponse::from).toList());
        }
    }

    public record AllocationSettingsResponse(UUID forumId, String code, String timeZone, LatePolicy latePolicy,
                                             boolean frozen, int publishedRevision, Instant publishedAt) {
        static AllocationSettingsResponse from(AllocationSettings s) {
            return new AllocationSettingsResponse(s.forumId(), s.code(), s.timeZone(), s.latePolicy(), s.frozen(),
                    s.publishedRevision(), s.publishedAt());
        }
    }

    public record DemoDataResponse(UUID forumId, int sessions, int created) {
        static DemoDataResponse from(SessionService.DemoProgramme d) {
            return new DemoDataResponse(d.forumId(), d.sessions(), d.created());
        }
    }
}
