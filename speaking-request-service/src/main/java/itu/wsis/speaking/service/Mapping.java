package itu.wsis.speaking.service;

import itu.wsis.events.Language;
import itu.wsis.events.SessionKind;
import itu.wsis.events.Speaker;
import itu.wsis.events.SpeakingModality;
import itu.wsis.speaking.domain.AllocationSettings;
import itu.wsis.speaking.domain.Candidate;
import itu.wsis.speaking.domain.PlacedRequest;
import itu.wsis.speaking.domain.Session;
import itu.wsis.speaking.domain.Slot;
import itu.wsis.speaking.domain.Delegation;
import itu.wsis.speaking.domain.SpeakingRequest;
import itu.wsis.speaking.domain.Precedence;
import itu.wsis.speaking.domain.SessionSlots;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.InvitationEntity;
import itu.wsis.speaking.repository.SessionEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Conversions between entities, the domain and the placements. No I/O. */
final class Mapping {

    private static final DateTimeFormatter SESSION_LABEL = DateTimeFormatter.ofPattern("d MMMM HH:mm", Locale.ENGLISH);

    private Mapping() {
    }

    static ZoneId zone(ForumEntity forum) {
        try {
            return ZoneId.of(forum.timeZone == null ? "UTC" : forum.timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** Geneva has no time-zone id of its own (it keeps Zurich's), and "Geneva" is what the letters say. */
    static String zoneLabel(ZoneId zone) {
        String id = zone.getId();
        if (id.equals("Europe/Zurich")) {
            return "Geneva";
        }
        int slash = id.lastIndexOf('/');
        return (slash >= 0 ? id.substring(slash + 1) : id).replace('_', ' ');
    }

    static String sessionLabel(SessionEntity session, ZoneId zone) {
        return SESSION_LABEL.format(session.startsAt.atZone(zone));
    }

    static Set<SpeakingModality> modalities(SessionEntity session) {
        if (session.modalities == null || session.modalities.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(session.modalities.split(",")).map(String::trim).map(SpeakingModality::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SpeakingModality.class)));
    }

    static String modalitiesColumn(Set<SpeakingModality> modalities) {
        return EnumSet.copyOf(modalities).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Map<Language, String> titles(SessionEntity s) {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        put(titles, Language.AR, s.titleAr);
        put(titles, Language.EN, s.titleEn);
        put(titles, Language.ES, s.titleEs);
        put(titles, Language.FR, s.titleFr);
        put(titles, Language.RU, s.titleRu);
        put(titles, Language.ZH, s.titleZh);
        return titles;
    }

    static void setTitles(SessionEntity s, Map<Language, String> titles) {
        s.titleAr = titles.get(Language.AR);
        s.titleEn = titles.get(Language.EN);
        s.titleEs = titles.get(Language.ES);
        s.titleFr = titles.get(Language.FR);
        s.titleRu = titles.get(Language.RU);
        s.titleZh = titles.get(Language.ZH);
    }

    private static void put(Map<Language, String> titles, Language language, String value) {
        if (value != null) {
            titles.put(language, value);
        }
    }

    static List<UUID> preferences(SpeakingRequestEntity r) {
        if (r.preferredSessionIds == null || r.preferredSessionIds.isBlank()) {
            return List.of();
        }
        return Arrays.stream(r.preferredSessionIds.split(",")).map(UUID::fromString).toList();
    }

    static String preferencesColumn(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    static Instant plannedStart(SessionEntity session, int position) {
        return session.kind == SessionKind.MINISTERIAL_ROUND_TABLE ? session.startsAt
                : Session.plannedStart(session.startsAt, session.statementMinutes, position);
    }

    /** A seat at {@code position} in {@code session}, with the join link only for a remote live speaker. */
    static Slot slot(SessionEntity session, int position, SpeakingModality modality) {
        return new Slot(session.id, position, plannedStart(session, position), session.room,
                modality == SpeakingModality.REMOTE_LIVE ? session.remoteJoinUrl : null);
    }

    static SessionSlots slots(SessionEntity s) {
        return new SessionSlots(s.id, s.capacity, modalities(s), s.startsAt, s.kind);
    }

    static Candidate candidate(SpeakingRequestEntity r, UUID currentSession) {
        return new Candidate(r.id, r.precedenceRank, r.modality, r.submittedAt, preferences(r), r.late,
                SpeakingRequest.placement(r.overrideKind, r.overrideSessionId, r.late), currentSession);
    }

    static Delegation delegation(InvitationEntity inv) {
        return new Delegation(inv.id, inv.forumId, inv.memberState, inv.rank, inv.replyStatus, inv.attendanceMode,
                inv.issued, inv.revoked, inv.erasedAt != null);
    }

    static SpeakingRequest request(SpeakingRequestEntity r) {
        return new SpeakingRequest(r.id, r.forumId, r.invitationId, r.memberState,
                new SpeakingRequest.Speaker(r.speakerName, r.speakerTitle, r.speakerRank, r.speakerSubstitute),
                new SpeakingRequest.RankStanding(r.precedenceRank, r.rankConfirmation, r.rankDecidedBy,
                        r.rankDecidedAt, r.rankDecisionNote),
                preferences(r), Language.fromCode(r.statementLanguage), r.modality, r.topic, r.statementText,
                r.videoReference, r.submittedAt, r.submittedBy, r.late, r.status, r.waitingPosition, r.overrideKind,
                r.overrideSessionId, r.statusReason, r.closedAt);
    }

    /** Writes the request onto its row: a new entity, or the managed one it was read from. */
    static SpeakingRequestEntity write(SpeakingRequest d, SpeakingRequestEntity r) {
        r.id = d.id();
        r.forumId = d.forumId();
        r.invitationId = d.invitationId();
        r.memberState = d.memberState();
        r.speakerName = d.speaker().name();
        r.speakerTitle = d.speaker().title();
        r.speakerRank = d.speaker().rank();
        r.speakerSubstitute = d.speaker().substitute();
        r.precedenceRank = d.standing().forPrecedence();
        r.rankConfirmation = d.standing().confirmation();
        r.rankDecidedBy = d.standing().decidedBy();
        r.rankDecidedAt = d.standing().decidedAt();
        r.rankDecisionNote = d.standing().note();
        r.preferredSessionIds = preferencesColumn(d.preferredSessionIds());
        r.statementLanguage = d.statementLanguage().code();
        r.modality = d.modality();
        r.topic = d.topic();
        r.statementText = d.statementText();
        r.videoReference = d.videoReference();
        r.submittedAt = d.submittedAt();
        r.submittedBy = d.submittedBy();
        r.late = d.late();
        r.status = d.status();
        r.waitingPosition = d.waitingPosition();
        r.overrideKind = d.overrideKind();
        r.overrideSessionId = d.overrideSessionId();
        r.statusReason = d.statusReason();
        r.closedAt = d.closedAt();
        return r;
    }

    static Session session(SessionEntity s, ForumEntity forum) {
        return session(s, zone(forum));
    }

    static Session session(SessionEntity s, ZoneId zone) {
        return new Session(s.id, s.forumId, titles(s), s.startsAt, s.endsAt, zone, s.capacity, s.allocated,
                s.statementMinutes, modalities(s), s.room, s.remoteJoinUrl, s.kind);
    }

    /** The kind of session a request is for: a round table's seat, or speaking time at the policy sessions. */
    static SessionKind kind(SpeakingRequestEntity r) {
        return r.roundTableId == null ? SessionKind.HIGH_LEVEL_POLICY_SESSION : SessionKind.MINISTERIAL_ROUND_TABLE;
    }

    static PlacedRequest placed(SpeakingRequestEntity r, Slot slot, String explanation) {
        return new PlacedRequest(request(r), slot, explanation, kind(r));
    }

    static AllocationSettings settings(ForumEntity forum) {
        return new AllocationSettings(forum.id, forum.code, forum.timeZone, forum.latePolicy, forum.frozen,
                forum.publishedRevision, forum.publishedAt);
    }

    static Precedence precedence(itu.wsis.speaking.config.SpeakingConfig config) {
        return new Precedence(config.precedence().rankOrder(), config.precedence().inPersonFirst());
    }
}
