package itu.wsis.web.page;

import itu.wsis.web.client.Models;
import itu.wsis.web.i18n.Messages;
import itu.wsis.web.i18n.UiLanguage;
import itu.wsis.web.page.Views.DelegateRow;
import itu.wsis.web.page.Views.ErrorLink;
import itu.wsis.web.page.Views.Field;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invitation page's data: forum, letter, deadline, reply, speaking request and the forms, in one language.
 * Built from the services' answers and, after a refused submission, from the form as sent with its errors.
 */
public final class InvitationPage {

    /** Which form a submission came from, so that its errors show there and in the summary. */
    public enum Form { ACCEPT, DECLINE, WITHDRAW, SPEAKING, SPEAKER, SPEAKING_WITHDRAW, SEAT, SEAT_WITHDRAW }

    /** Where each page of these pages lives; the language links of a page point back to it. */
    public static final String PATH = "/invitation";
    public static final String SPEAKER_PATH = "/invitation/speaking-request/speaker";
    public static final String WITHDRAW_SPEAKING_PATH = "/invitation/speaking-request/withdraw";
    public static final String WITHDRAW_SEAT_PATH = "/invitation/round-table/withdraw";

    private final UiLanguage lang;
    private final Models.LetterView letter;
    private final Models.InvitationView invitation;
    private Models.SpeakingRequest request;
    private List<Models.Session> sessions = List.of();
    private AcceptForm acceptForm;
    private String declineReason = "";
    private SpeakingForm speakingForm;
    private SpeakerForm speakerForm;
    private Models.Session roundTable;
    private Models.SpeakingRequest seatRequest;
    private SeatForm seatForm;
    private boolean speakingNotReady;
    private boolean speakingUnavailable;
    private String path = PATH;
    private Form failedForm;
    private FormErrors errors = new FormErrors();
    private String formProblem;
    private String saved;

    public InvitationPage(UiLanguage lang, Models.LetterView letter, Models.InvitationView invitation) {
        this.lang = lang;
        this.letter = letter;
        this.invitation = invitation;
    }

    public InvitationPage speaking(Models.SpeakingRequest request, List<Models.Session> sessions) {
        this.request = request;
        this.sessions = sessions == null ? List.of() : sessions;
        return this;
    }

    /**
     * The forum's ministerial round table (null: none) and the delegation's request for a seat at it (null: none).
     * A forum with several round tables shows the first: the programme has had one, and the form is for one.
     */
    public InvitationPage roundTable(Models.Session table, Models.SpeakingRequest seat) {
        this.roundTable = table;
        this.seatRequest = table == null ? null : seat;
        return this;
    }

    public Optional<Models.Session> roundTable() {
        return Optional.ofNullable(roundTable);
    }

    /** A seat request that holds a seat or waits for one: the one that can be withdrawn; no second may be made. */
    public boolean activeSeat() {
        return seatRequest != null
                && ("ALLOCATED".equals(seatRequest.status()) || "WAITLISTED".equals(seatRequest.status()));
    }

    public InvitationPage seatForm(SeatForm form) {
        this.seatForm = form;
        return this;
    }

    /**
     * speaking-request-service does not know the invitation or its acceptance yet (its events are on their way):
     * the page says so instead of offering a form the service would refuse.
     */
    public InvitationPage speakingNotReady(boolean notReady) {
        this.speakingNotReady = notReady;
        return this;
    }

    /**
     * speaking-request-service failed or could not be reached: the section says that speaking time cannot be shown
     * now, rather than a form as if the delegation had no request, or actions on a request it cannot see.
     */
    public InvitationPage speakingUnavailable() {
        this.speakingUnavailable = true;
        this.request = null;
        this.sessions = List.of();
        this.roundTable = null;
        this.seatRequest = null;
        return this;
    }

    /** The page being rendered ({@link #PATH} and the others), for its language links. */
    public InvitationPage at(String pagePath) {
        this.path = pagePath;
        return this;
    }

    public InvitationPage speakerForm(SpeakerForm form) {
        this.speakerForm = form;
        return this;
    }

    /** An allocated or waitlisted request: one whose speaker can change and that can be withdrawn. */
    public boolean activeRequest() {
        return request != null && ("ALLOCATED".equals(request.status()) || "WAITLISTED".equals(request.status()));
    }

    public InvitationPage saved(String savedKey) {
        this.saved = savedKey;
        return this;
    }

    public InvitationPage acceptForm(AcceptForm form) {
        this.acceptForm = form;
        return this;
    }

    public InvitationPage declineReason(String reason) {
        this.declineReason = reason == null ? "" : reason;
        return this;
    }

    public InvitationPage speakingForm(SpeakingForm form) {
        this.speakingForm = form;
        return this;
    }

    /** A refused submission: field errors (message keys) and/or a message for the form as a whole. */
    public InvitationPage failed(Form form, FormErrors fieldErrors, String problem) {
        this.failedForm = form;
        this.errors = fieldErrors == null ? new FormErrors() : fieldErrors;
        this.formProblem = problem;
        return this;
    }

    public Map<String, Object> data() {
        Map<String, String> t = Messages.of(lang);
        Map<String, Object> data = new HashMap<>();
        data.put("t", t);
        data.put("lang", lang.code());
        data.put("dir", lang.dir());
        data.put("languages", languageLinks(lang, path));
        data.put("title", forumName());

        Models.Forum forum = letter.forum();
        List<Views.Line> forumLines = new ArrayList<>();
        forumLines.add(new Views.Line(t.get("forum_theme"), localized(forum.themes())));
        forumLines.add(new Views.Line(t.get("forum_dates"), Messages.format(lang, "forum_dates_value",
                Times.date(forum.inPersonStart(), lang), Times.date(forum.inPersonEnd(), lang))));
        if (forum.virtualPhaseStart() != null) {
            forumLines.add(new Views.Line(t.get("forum_virtual_phase"), Times.date(forum.virtualPhaseStart(), lang)));
        }
        forumLines.add(new Views.Line(t.get("forum_venue"), forum.venue()));
        forumLines.add(new Views.Line(t.get("forum_format"), t.getOrDefault("format_" + forum.format(), forum.format())));
        data.put("forumLines", forumLines);
        data.put("forumSiteUrl", web(forum.forumSiteUrl()));
        data.put("partnershipUrl", web(forum.partnershipUrl()));
        data.put("speakingInfoUrl", web(forum.speakingRequestUrl()));

        Models.Letter l = letter.letter();
        String textLanguage = l.texts().containsKey(lang.code()) ? lang.code()
                : l.texts().containsKey(l.originalLanguage()) ? l.originalLanguage()
                : l.texts().keySet().stream().findFirst().orElse(lang.code());
        Models.Text text = l.texts().getOrDefault(textLanguage, new Models.Text("", ""));
        data.put("letterLines", List.of(
                new Views.Line(t.get("letter_reference"), l.reference()),
                new Views.Line(t.get("letter_date"), Times.date(l.letterDate(), lang)),
                new Views.Line(t.get("letter_signatory"), l.signatoryName() + ", " + l.signatoryTitle())));
        data.put("contact", contact(l));
        data.put("letterSubject", text.subject());
        data.put("letterBody", text.body());
        data.put("letterLang", textLanguage);
        data.put("letterDir", UiLanguage.of(textLanguage).map(UiLanguage::dir).orElse("ltr"));
        data.put("letterOtherLanguage", !textLanguage.equals(lang.code())
                ? Messages.format(lang, "letter_not_in_language",
                UiLanguage.of(textLanguage).map(UiLanguage::nativeName).orElse(textLanguage)) : null);

        // The deadline: registration's copy is the one replies are judged by.
        Models.Deadline deadline = invitation.deadline() != null ? invitation.deadline() : letter.responseDeadline();
        ZoneId deadlineZone = Times.zone(deadline.timeZone()).orElse(Times.GENEVA);
        Instant last = Times.lastMinute(deadline.endsAt());
        data.put("deadlineGeneva", Messages.format(lang, "deadline_geneva", Times.dateTime(last, deadlineZone, lang)));
        Optional<ZoneId> local = Times.zone(letter.inviteeTimeZone()).filter(z -> !z.getRules().equals(deadlineZone.getRules()));
        data.put("deadlineLocal", local.map(z -> Messages.format(lang, "deadline_local",
                Times.dateTime(last, z, lang), z.getId())).orElse(null));
        data.put("deadlinePassed", invitation.deadlinePassed());

        Models.Reply reply = invitation.reply();
        String status = reply == null ? "NONE" : reply.status();
        data.put("replyStatus", status);
        data.put("replyText", t.get("reply_" + status));
        data.put("replyMode", reply != null && reply.mode() != null ? t.get("mode_" + reply.mode()) : null);
        data.put("replyDelegation", reply == null || reply.delegation() == null ? List.of()
                : reply.delegation().stream().map(d -> new Views.Delegate(d.name(), d.title(), d.email(),
                d.accessibilityNeed(), d.headOfDelegation())).toList());
        data.put("replyReason", reply == null ? null : reply.declineReason());
        data.put("replyLate", reply != null && reply.late());
        data.put("replyBySecretariat", reply != null && reply.recordedBySecretariat());

        boolean accepted = "ACCEPTED".equals(status);
        // After the deadline an acceptance is locked (registration refuses changes); other replies may still come.
        boolean locked = accepted && invitation.deadlinePassed();
        data.put("locked", locked);
        data.put("canAccept", !locked);
        data.put("canDecline", !locked && !"DECLINED".equals(status));
        data.put("canWithdraw", accepted && !locked);
        data.put("accepted", accepted);
        // registration-service issues a visa support letter per delegate of an in-person acceptance only.
        data.put("visaLetters", accepted && "IN_PERSON".equals(reply.mode()));

        data.put("saved", saved == null ? null : t.get("saved_" + saved));

        List<ErrorLink> summary = new ArrayList<>();
        errors.all().forEach((field, key) -> summary.add(new ErrorLink(field, t.getOrDefault(key, key))));
        data.put("errorSummary", summary);
        data.put("formProblem", formProblem);
        data.put("failedForm", failedForm == null ? "" : failedForm.name());

        AcceptForm accept = acceptForm != null ? acceptForm : AcceptForm.from(reply);
        FormErrors acceptErrors = failedForm == Form.ACCEPT ? errors : new FormErrors();
        data.put("modeField", field("mode", accept.mode(), acceptErrors, t));
        data.put("modes", Views.choices(List.of("IN_PERSON", "REMOTE"), m -> t.get("mode_" + m), accept.mode()));
        List<DelegateRow> rows = new ArrayList<>();
        for (int i = 0; i < accept.rows().size(); i++) {
            AcceptForm.Row row = accept.rows().get(i);
            rows.add(new DelegateRow(i, i + 1, field("name-" + i, row.name(), acceptErrors, t),
                    field("title-" + i, row.title(), acceptErrors, t), field("email-" + i, row.email(), acceptErrors, t),
                    field("access-" + i, row.access(), acceptErrors, t), i == accept.head()));
        }
        data.put("rows", rows);
        data.put("headField", field("head", "", acceptErrors, t));
        data.put("declineField", field("reason", declineReason,
                failedForm == Form.DECLINE ? errors : new FormErrors(), t));

        speaking(data, t, accepted);
        roundTable(data, t, accepted);
        return data;
    }

    /**
     * The ministerial round table: its time and place, the delegation's seat request where it stands, and the form
     * while the delegation has no active one. Worded as a seat throughout: a round table has no order of speakers
     * and no statement length.
     */
    private void roundTable(Map<String, Object> data, Map<String, String> t, boolean accepted) {
        boolean unavailable = accepted && speakingUnavailable;
        data.put("roundTable", roundTable != null);
        if (roundTable == null) {
            return;
        }
        ZoneId zone = Times.zone(roundTable.timeZone()).orElse(Times.GENEVA);
        data.put("roundTableTitle", localized(roundTable.titles()));
        data.put("roundTableWhen", Messages.format(lang, "time_geneva", Times.dateTime(roundTable.startsAt(), zone, lang)));
        data.put("roundTableWhenLocal", localTime(roundTable.startsAt(), zone));
        data.put("roundTablePlace", place(letter.forum() == null ? null : letter.forum().venue(), roundTable.room()));
        data.put("roundTableSeats", Messages.format(lang, "seat_capacity", roundTable.capacity()));
        boolean active = activeSeat();
        data.put("seatStatus", seatRequest == null ? null : seatStatus(t, zone));
        data.put("seatActive", active);
        data.put("seatOpen", accepted && !speakingNotReady && !unavailable && !active);
        SeatForm form = seatForm != null ? seatForm : SeatForm.empty(lang.code());
        FormErrors e = failedForm == Form.SEAT ? errors : new FormErrors();
        data.put("seatTableId", roundTable.id().toString());
        data.put("seatSubstitute", form.substitute());
        data.put("seatName", field("seat-name", form.name(), e, t));
        data.put("seatTitle", field("seat-title", form.title(), e, t));
        data.put("seatRank", field("seat-rank", form.rank(), e, t));
        data.put("seatRanks", Views.choices(SeatForm.RANKS, r -> t.get("rank_" + r), form.rank()));
        data.put("seatLanguage", field("seat-language", form.language(), e, t));
        data.put("seatLanguages", Arrays.stream(UiLanguage.values()).map(l -> new Views.Choice(l.code(),
                l.nativeName(), l.code().equals(form.language()))).toList());
        data.put("seatModality", field("seat-modality", form.modality(), e, t));
        List<String> offered = roundTable.modalities() == null || roundTable.modalities().isEmpty()
                ? List.of("IN_PERSON", "REMOTE_LIVE") : roundTable.modalities();
        data.put("seatModalities", Views.choices(offered, m -> t.get("seat_modality_" + m), form.modality()));
    }

    private Views.SeatStatus seatStatus(Map<String, String> t, ZoneId zone) {
        Models.SpeakingRequest r = seatRequest;
        String key = "WAITLISTED".equals(r.status()) && r.waitingPosition() == null ? "REQUESTED" : r.status();
        String position = null;
        String place = null;
        String joinUrl = null;
        if (r.seat() != null) {
            position = Messages.format(lang, "seat_number", r.seat().position());
            if ("REMOTE_LIVE".equals(r.modality())) {
                joinUrl = joinUrl(r.seat().remoteJoinUrl());
            } else {
                place = place(letter.forum() == null ? null : letter.forum().venue(), r.seat().room());
            }
        } else if (r.waitingPosition() != null) {
            position = Messages.format(lang, "seat_waiting_position", r.waitingPosition());
        }
        String holder = r.speaker() == null ? null : r.speaker().name() + ", " + r.speaker().title()
                + (r.speaker().substitute() ? " (" + t.get("speaker_substitute_short") + ")" : "");
        return new Views.SeatStatus(r.status(), t.getOrDefault("seat_" + key, r.status()), holder, position, place,
                joinUrl, r.seat() != null && "REMOTE_LIVE".equals(r.modality()) && joinUrl == null, r.statusReason());
    }

    /** A moment in the invitee's zone, only when their clock reads otherwise than {@code zone}'s then. */
    private String localTime(Instant at, ZoneId zone) {
        return Times.zone(letter.inviteeTimeZone())
                .filter(z -> !z.getRules().getOffset(at).equals(zone.getRules().getOffset(at)))
                .map(z -> Messages.format(lang, "time_local", Times.dateTime(at, z, lang), z.getId()))
                .orElse(null);
    }

    private void speaking(Map<String, Object> data, Map<String, String> t, boolean accepted) {
        boolean active = activeRequest();
        data.put("speakingStatus", request == null ? null : speakingStatus(t));
        data.put("speakingActive", active);
        boolean unavailable = accepted && speakingUnavailable;
        data.put("speakingUnavailable", unavailable);
        data.put("speakingNotReady", accepted && speakingNotReady && !unavailable);
        data.put("speakingOpen", accepted && !speakingNotReady && !unavailable && !active && !sessions.isEmpty());
        data.put("speakingNoSessions", accepted && !speakingNotReady && !unavailable && !active
                && sessions.isEmpty());
        SpeakingForm form = speakingForm != null ? speakingForm : SpeakingForm.empty(lang.code());
        FormErrors e = failedForm == Form.SPEAKING ? errors : new FormErrors();
        data.put("speakerSubstitute", form.substitute());
        data.put("speakerName", field("speaker-name", form.name(), e, t));
        data.put("speakerTitle", field("speaker-title", form.title(), e, t));
        data.put("speakerRank", field("speaker-rank", form.rank(), e, t));
        data.put("ranks", Views.choices(List.of("HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER", "DEPUTY_MINISTER",
                "AMBASSADOR", "HEAD_OF_DELEGATION", "OTHER"), r -> t.get("rank_" + r), form.rank()));
        data.put("sessionsField", field("sessions", "", e, t));
        data.put("sessionChoices", sessions.stream().map(s -> new Views.SessionChoice(s.id().toString(),
                localized(s.titles()), sessionWhen(s), form.chose(s.id().toString()))).toList());
        data.put("languageField", field("language", form.language(), e, t));
        data.put("statementLanguages", Arrays.stream(UiLanguage.values()).map(l -> new Views.Choice(l.code(),
                l.nativeName(), l.code().equals(form.language()))).toList());
        data.put("modalityField", field("modality", form.modality(), e, t));
        data.put("modalities", Views.choices(List.of("IN_PERSON", "REMOTE_LIVE", "VIDEO"),
                m -> t.get("modality_" + m), form.modality()));
        data.put("topicField", field("topic", form.topic(), e, t));

        SpeakerForm change = speakerForm != null ? speakerForm
                : SpeakerForm.from(request == null ? null : request.speaker());
        FormErrors ce = failedForm == Form.SPEAKER ? errors : new FormErrors();
        data.put("changeSubstitute", change.substitute());
        data.put("changeName", field("speaker-name", change.name(), ce, t));
        data.put("changeTitle", field("speaker-title", change.title(), ce, t));
        data.put("changeRank", field("speaker-rank", change.rank(), ce, t));
        data.put("changeRanks", Views.choices(List.of("HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER",
                "DEPUTY_MINISTER", "AMBASSADOR", "HEAD_OF_DELEGATION", "OTHER"), r -> t.get("rank_" + r), change.rank()));
    }

    /** Only web addresses become links: the services check them on input, the page does not rely on it. */
    static String web(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && u.length() > 8 && !u.contains(" ")
                ? u : null;
    }

    /** The letter's contact person, with {@code mailto:} and {@code tel:} links when the letter gives them. */
    static Views.Contact contact(Models.Letter l) {
        String name = l.contactName() == null || l.contactName().isBlank() ? null : l.contactName().strip();
        String email = l.contactEmail() == null || l.contactEmail().isBlank() ? null : l.contactEmail().strip();
        String phone = l.contactPhone() == null || l.contactPhone().isBlank() ? null : l.contactPhone().strip();
        if (name == null && email == null && phone == null) {
            return null;
        }
        String mailto = email != null && email.matches("[^@\\s:/?#]+@[^@\\s:/?#]+") ? "mailto:" + email : null;
        // RFC 3966: a global number is "+" and digits; the visual separators the letter uses are dropped.
        String digits = phone == null ? "" : phone.replaceAll("[\\s().\\-/]", "");
        String tel = digits.matches("\\+?[0-9]{4,20}") ? "tel:" + digits : null;
        return new Views.Contact(name, email, mailto, phone, tel);
    }

    private Views.SpeakingStatus speakingStatus(Map<String, String> t) {
        String session = null;
        String when = null;
        String whenLocal = null;
        String position = null;
        String place = null;
        String joinUrl = null;
        if (request.seat() != null) {
            Optional<Models.Session> seated = sessions.stream().filter(s -> s.id().equals(request.seat().sessionId()))
                    .findFirst();
            session = seated.map(s -> localized(s.titles())).orElse(null);
            ZoneId zone = seated.flatMap(s -> Times.zone(s.timeZone())).orElse(Times.GENEVA);
            if (request.seat().plannedStart() != null) {
                when = Messages.format(lang, "time_geneva", Times.dateTime(request.seat().plannedStart(), zone, lang));
                Instant start = request.seat().plannedStart();
                // Only when the invitee's clock reads otherwise at that moment (Sarajevo's is Geneva's).
                whenLocal = Times.zone(letter.inviteeTimeZone())
                        .filter(z -> !z.getRules().getOffset(start).equals(zone.getRules().getOffset(start)))
                        .map(z -> Messages.format(lang, "time_local", Times.dateTime(start, z, lang), z.getId()))
                        .orElse(null);
            }
            position = Messages.format(lang, "speaking_position", request.seat().position());
            if ("REMOTE_LIVE".equals(request.modality())) {
                joinUrl = joinUrl(request.seat().remoteJoinUrl());
            } else {
                place = place(letter.forum() == null ? null : letter.forum().venue(), request.seat().room());
            }
        } else if (request.waitingPosition() != null) {
            position = Messages.format(lang, "speaking_waiting_position", request.waitingPosition());
        }
        String speaker = request.speaker() == null ? null : request.speaker().name() + ", " + request.speaker().title()
                + (request.speaker().substitute() ? " (" + t.get("speaker_substitute_short") + ")" : "");
        String rank = null;
        if (request.rankConfirmation() != null && request.speaker() != null && request.speaker().rank() != null) {
            String claimed = t.getOrDefault("rank_" + request.speaker().rank(), request.speaker().rank());
            String placed = request.rankForPrecedence() == null ? claimed
                    : t.getOrDefault("rank_" + request.rankForPrecedence(), request.rankForPrecedence());
            rank = Messages.format(lang, "speaking_rank_" + request.rankConfirmation().status(), claimed, placed);
        }
        return new Views.SpeakingStatus(request.status(), t.getOrDefault("speaking_" + request.status(),
                request.status()), session, when, whenLocal, position, request.statusReason(), request.topic(),
                speaker, rank, place, joinUrl,
                request.seat() != null && "REMOTE_LIVE".equals(request.modality()) && joinUrl == null);
    }

    /** The venue and the session's room, either alone when the other is unknown. */
    private String place(String venue, String room) {
        String v = venue == null || venue.isBlank() ? null : venue.strip();
        String r = room == null || room.isBlank() ? null : room.strip();
        return v == null || r == null ? (v == null ? r : v) : Messages.format(lang, "place_format", v, r);
    }

    /** A join link is only ever an https address: anything else is not made a link. */
    static String joinUrl(String url) {
        String u = web(url);
        return u != null && u.toLowerCase(java.util.Locale.ROOT).startsWith("https://") ? u : null;
    }

    private String sessionWhen(Models.Session s) {
        ZoneId zone = Times.zone(s.timeZone()).orElse(Times.GENEVA);
        return Messages.format(lang, "time_geneva", Times.dateTime(s.startsAt(), zone, lang));
    }

    private Field field(String id, String value, FormErrors errors, Map<String, String> t) {
        String key = errors.get(id);
        return new Field(id, value == null ? "" : value, key == null ? null : t.getOrDefault(key, key));
    }

    public String forumName() {
        return localized(letter.forum().names());
    }

    /** The text in the page's language, else English, else any. */
    private String localized(Map<String, String> texts) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String text = texts.get(lang.code());
        if (text == null) {
            text = texts.getOrDefault("en", texts.values().iterator().next());
        }
        return text;
    }

    public static List<Views.LanguageLink> languageLinks(UiLanguage current, String path) {
        return Arrays.stream(UiLanguage.values()).map(l -> new Views.LanguageLink(l.code(), l.nativeName(), l.dir(),
                l == current, path + "?lang=" + l.code())).toList();
    }
}
