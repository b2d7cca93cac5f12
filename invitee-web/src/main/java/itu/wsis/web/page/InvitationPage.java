package itu.wsis.web.page;

import itu.wsis.web.client.Models;
import itu.wsis.web.i18n.Messages;
import itu.wsis.web.i18n.PageMessages;
import itu.wsis.web.i18n.Texts;
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
import java.util.UUID;

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
    private List<Models.Session> roundTables = List.of();
    private Map<UUID, Models.SpeakingRequest> seatRequests = Map.of();
    private SeatForm seatForm;
    private UUID seatFormTable;
    private UUID shownTable;
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

    /** The language the page speaks. */
    public UiLanguage language() {
        return lang;
    }

    /**
     * What speaking-request-service says in one answer: the policy sessions and the request for speaking time, the
     * forum's round tables (all of them, in order) and the delegation's request for a seat at each.
     */
    public InvitationPage speaking(Models.SpeakingOverview overview) {
        List<Models.Session> all = overview.sessions() == null ? List.of() : overview.sessions();
        List<Models.SpeakingRequest> requests = overview.requests() == null ? List.of() : overview.requests();
        this.sessions = all.stream().filter(s -> !s.roundTable()).toList();
        this.roundTables = all.stream().filter(Models.Session::roundTable).toList();
        this.request = requests.stream().filter(r -> !r.forASeat()).reduce((first, second) -> second).orElse(null);
        Map<UUID, Models.SpeakingRequest> seats = new HashMap<>();
        requests.stream().filter(r -> r.roundTable() != null).forEach(r -> seats.put(r.roundTable(), r));
        this.seatRequests = seats;
        return this;
    }

    /** The forum's ministerial round tables, in order (none: the page has no round-table section). */
    public List<Models.Session> roundTables() {
        return roundTables;
    }

    /**
     * A seat request that holds a seat or waits for one, at {@code table}: the one that can be withdrawn; no second
     * may be made there.
     */
    public boolean activeSeat(UUID table) {
        Models.SpeakingRequest seat = table == null ? null : seatRequests.get(table);
        return seat != null && seat.active();
    }

    /** The round table a page about one seat request shows (the withdrawal's confirmation). */
    public InvitationPage showTable(UUID table) {
        this.shownTable = table;
        return this;
    }

    /** A seat form sent for {@code table}, shown again in that round table's section. */
    public InvitationPage seatForm(UUID table, SeatForm form) {
        this.seatFormTable = table;
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
        this.roundTables = List.of();
        this.seatRequests = Map.of();
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
        return request != null && request.active();
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

    /** What the page shows, translated and formatted, for its checked template ({@link Pages.Templates}). */
    public InvitationView view() {
        PageMessages t = Messages.of(lang);
        InvitationView v = new InvitationView();
        v.lang = lang.code();
        v.dir = lang.dir();
        v.languages = languageLinks(lang, path);
        v.title = forumName();

        Models.Forum forum = letter.forum();
        List<Views.Line> forumLines = new ArrayList<>();
        forumLines.add(new Views.Line(t.forum_theme(), localized(forum.themes())));
        forumLines.add(new Views.Line(t.forum_dates(), t.forum_dates_value(
                Times.date(forum.inPersonStart(), lang), Times.date(forum.inPersonEnd(), lang))));
        if (forum.virtualPhaseStart() != null) {
            forumLines.add(new Views.Line(t.forum_virtual_phase(), Times.date(forum.virtualPhaseStart(), lang)));
        }
        forumLines.add(new Views.Line(t.forum_venue(), forum.venue()));
        forumLines.add(new Views.Line(t.forum_format(), orElse(Texts.format(t, forum.format()), forum.format())));
        v.forumLines = forumLines;
        v.forumSiteUrl = web(forum.forumSiteUrl());
        v.partnershipUrl = web(forum.partnershipUrl());
        v.speakingInfoUrl = web(forum.speakingRequestUrl());

        Models.Letter l = letter.letter();
        String textLanguage = l.texts().containsKey(lang.code()) ? lang.code()
                : l.texts().containsKey(l.originalLanguage()) ? l.originalLanguage()
                : l.texts().keySet().stream().findFirst().orElse(lang.code());
        Models.Text text = l.texts().getOrDefault(textLanguage, new Models.Text("", ""));
        v.letterLines = List.of(
                new Views.Line(t.letter_reference(), l.reference()),
                new Views.Line(t.letter_date(), Times.date(l.letterDate(), lang)),
                new Views.Line(t.letter_signatory(), l.signatoryName() + ", " + l.signatoryTitle()));
        v.contact = contact(l);
        v.letterSubject = text.subject();
        v.letterBody = text.body();
        v.letterLang = textLanguage;
        v.letterDir = UiLanguage.of(textLanguage).map(UiLanguage::dir).orElse("ltr");
        v.letterOtherLanguage = !textLanguage.equals(lang.code())
                ? t.letter_not_in_language(
                UiLanguage.of(textLanguage).map(UiLanguage::nativeName).orElse(textLanguage)) : null;

        // The deadline: registration's copy is the one replies are judged by.
        Models.Deadline deadline = invitation.deadline() != null ? invitation.deadline() : letter.responseDeadline();
        ZoneId deadlineZone = Times.zone(deadline.timeZone()).orElse(Times.GENEVA);
        Instant last = Times.lastMinute(deadline.endsAt());
        v.deadlineGeneva = t.deadline_geneva(Times.dateTime(last, deadlineZone, lang));
        Optional<ZoneId> local = Times.zone(letter.inviteeTimeZone()).filter(z -> !z.getRules().equals(deadlineZone.getRules()));
        v.deadlineLocal = local.map(z -> t.deadline_local(
                Times.dateTime(last, z, lang), z.getId())).orElse(null);
        v.deadlinePassed = invitation.deadlinePassed();

        Models.Reply reply = invitation.reply();
        String status = reply == null ? Models.Reply.NONE : reply.status();
        v.replyStatus = status;
        v.replyText = Texts.reply(t, status);
        v.replyMode = reply != null && reply.mode() != null ? Texts.mode(t, reply.mode()) : null;
        v.replyDelegation = reply == null || reply.delegation() == null ? List.of()
                : reply.delegation().stream().map(d -> new Views.Delegate(d.name(), d.title(), d.email(),
                d.accessibilityNeed(), d.headOfDelegation())).toList();
        v.replyReason = reply == null ? null : reply.declineReason();
        v.replyLate = reply != null && reply.late();
        v.replyBySecretariat = reply != null && reply.recordedBySecretariat();

        boolean accepted = reply != null && reply.accepted();
        // After the deadline an acceptance is locked (registration refuses changes); other replies may still come.
        boolean locked = accepted && invitation.deadlinePassed();
        v.locked = locked;
        v.canAccept = !locked;
        v.canDecline = !locked && (reply == null || !reply.declined());
        v.canWithdraw = accepted && !locked;
        v.accepted = accepted;
        // registration-service issues a visa support letter per delegate of an in-person acceptance only.
        v.visaLetters = reply != null && reply.acceptedInPerson();

        v.saved = saved == null ? null : Texts.saved(t, saved);

        List<ErrorLink> summary = new ArrayList<>();
        int failedTable = failedForm == Form.SEAT ? tableNumber(seatFormTable) : 0;
        errors.all().forEach((field, key) -> summary.add(new ErrorLink(failedTable > 0 ? field + "-" + failedTable
                : field, orElse(Texts.error(t, key), key))));
        v.errorSummary = summary;
        v.formProblem = formProblem;

        AcceptForm accept = acceptForm != null ? acceptForm : AcceptForm.from(reply);
        FormErrors acceptErrors = failedForm == Form.ACCEPT ? errors : new FormErrors();
        v.modeField = field("mode", accept.mode(), acceptErrors, t);
        v.modes = Views.choices(List.of("IN_PERSON", "REMOTE"), m -> Texts.mode(t, m), accept.mode());
        List<DelegateRow> rows = new ArrayList<>();
        for (int i = 0; i < accept.rows().size(); i++) {
            AcceptForm.Row row = accept.rows().get(i);
            rows.add(new DelegateRow(i, i + 1, field("name-" + i, row.name(), acceptErrors, t),
                    field("title-" + i, row.title(), acceptErrors, t), field("email-" + i, row.email(), acceptErrors, t),
                    field("access-" + i, row.access(), acceptErrors, t), i == accept.head()));
        }
        v.rows = rows;
        v.headField = field("head", "", acceptErrors, t);
        v.declineField = field("reason", declineReason,
                failedForm == Form.DECLINE ? errors : new FormErrors(), t);

        speaking(v, t, accepted);
        roundTables(v, t, accepted);
        return v;
    }

    /**
     * The forum's ministerial round tables, each with its time and place, the delegation's seat request there where
     * it stands, and the form while the delegation has no active one there (one seat per delegation and round table).
     * Each is numbered from 1 in the forum's order, and its element ids end with that number. Worded as a seat
     * throughout: a round table has no order of speakers and no statement length.
     */
    private void roundTables(InvitationView v, PageMessages t, boolean accepted) {
        boolean unavailable = accepted && speakingUnavailable;
        List<Views.RoundTable> views = new ArrayList<>();
        for (int i = 0; i < roundTables.size(); i++) {
            views.add(roundTable(roundTables.get(i), i + 1, t, accepted && !speakingNotReady && !unavailable));
        }
        v.roundTables = views;
        v.shownTable = views.stream().filter(table -> table.id().equals(String.valueOf(shownTable))).findFirst()
                .orElse(null);
    }

    private Views.RoundTable roundTable(Models.Session table, int n, PageMessages t, boolean mayAsk) {
        ZoneId zone = Times.zone(table.timeZone()).orElse(Times.GENEVA);
        Models.SpeakingRequest seat = seatRequests.get(table.id());
        boolean active = activeSeat(table.id());
        boolean refused = table.id().equals(seatFormTable);
        SeatForm form = refused && seatForm != null ? seatForm : SeatForm.empty(lang.code());
        FormErrors e = refused && failedForm == Form.SEAT ? errors : new FormErrors();
        List<String> offered = table.modalities() == null || table.modalities().isEmpty()
                ? List.of("IN_PERSON", "REMOTE_LIVE") : table.modalities();
        return new Views.RoundTable(n, table.id().toString(), localized(table.titles()),
                t.time_geneva(Times.dateTime(table.startsAt(), zone, lang)),
                localTime(table.startsAt(), zone),
                place(letter.forum() == null ? null : letter.forum().venue(), table.room()),
                t.seat_capacity(Messages.number(table.capacity(), lang)),
                seat == null ? null : seatStatus(seat, t, n), active, mayAsk && !active, form.substitute(),
                seatField("seat-name", n, form.name(), e, t), seatField("seat-title", n, form.title(), e, t),
                seatField("seat-rank", n, form.rank(), e, t),
                Views.choices(SeatForm.RANKS, r -> Texts.rank(t, r), form.rank()),
                seatField("seat-language", n, form.language(), e, t),
                Arrays.stream(UiLanguage.values()).map(l -> new Views.Choice(l.code(), l.nativeName(),
                        l.code().equals(form.language()))).toList(),
                seatField("seat-modality", n, form.modality(), e, t),
                Views.choices(offered, m -> Texts.seatModality(t, m), form.modality()));
    }

    /** A seat form's field: its errors are the form's ({@link SeatForm}'s ids), its element id the table's. */
    private Field seatField(String id, int n, String value, FormErrors errors, PageMessages t) {
        String key = errors.get(id);
        return new Field(id + "-" + n, value == null ? "" : value,
                key == null ? null : orElse(Texts.error(t, key), key));
    }

    /** The round table's number on the page, from 1; 0 when the page does not show it. */
    private int tableNumber(UUID table) {
        for (int i = 0; i < roundTables.size(); i++) {
            if (roundTables.get(i).id().equals(table)) {
                return i + 1;
            }
        }
        return 0;
    }

    private Views.SeatStatus seatStatus(Models.SpeakingRequest r, PageMessages t, int n) {
        String key = r.awaitingPlacement() ? "REQUESTED" : r.status();
        String position = null;
        String place = null;
        String joinUrl = null;
        if (r.seat() != null) {
            position = t.seat_number(Messages.number(r.seat().position(), lang));
            if (r.remoteLive()) {
                joinUrl = joinUrl(r.seat().remoteJoinUrl());
            } else {
                place = place(letter.forum() == null ? null : letter.forum().venue(), r.seat().room());
            }
        } else if (r.waitingPosition() != null) {
            position = t.seat_waiting_position(Messages.number(r.waitingPosition(), lang));
        }
        String holder = r.speaker() == null ? null : r.speaker().name() + ", " + r.speaker().title()
                + (r.speaker().substitute() ? " (" + t.speaker_substitute_short() + ")" : "");
        return new Views.SeatStatus(n, r.status(), orElse(Texts.seatStatus(t, key), r.status()), holder, position,
                place, joinUrl, r.seat() != null && r.remoteLive() && joinUrl == null,
                r.statusReason());
    }

    /** A moment in the invitee's zone, only when their clock reads otherwise than {@code zone}'s then. */
    private String localTime(Instant at, ZoneId zone) {
        return Times.zone(letter.inviteeTimeZone())
                .filter(z -> !z.getRules().getOffset(at).equals(zone.getRules().getOffset(at)))
                .map(z -> Messages.of(lang).time_local(Times.dateTime(at, z, lang), z.getId()))
                .orElse(null);
    }

    private void speaking(InvitationView v, PageMessages t, boolean accepted) {
        boolean active = activeRequest();
        v.speakingStatus = request == null ? null : speakingStatus(t);
        v.speakingActive = active;
        boolean unavailable = accepted && speakingUnavailable;
        v.speakingUnavailable = unavailable;
        v.speakingNotReady = accepted && speakingNotReady && !unavailable;
        v.speakingOpen = accepted && !speakingNotReady && !unavailable && !active && !sessions.isEmpty();
        v.speakingNoSessions = accepted && !speakingNotReady && !unavailable && !active
                && sessions.isEmpty();
        SpeakingForm form = speakingForm != null ? speakingForm : SpeakingForm.empty(lang.code());
        FormErrors e = failedForm == Form.SPEAKING ? errors : new FormErrors();
        v.speakerSubstitute = form.substitute();
        v.speakerName = field("speaker-name", form.name(), e, t);
        v.speakerTitle = field("speaker-title", form.title(), e, t);
        v.speakerRank = field("speaker-rank", form.rank(), e, t);
        v.ranks = Views.choices(List.of("HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER", "DEPUTY_MINISTER",
                "AMBASSADOR", "HEAD_OF_DELEGATION", "OTHER"), r -> Texts.rank(t, r), form.rank());
        v.sessionsField = field("sessions", "", e, t);
        v.sessionChoices = sessions.stream().map(s -> new Views.SessionChoice(s.id().toString(),
                localized(s.titles()), sessionWhen(s), form.chose(s.id().toString()))).toList();
        v.languageField = field("language", form.language(), e, t);
        v.statementLanguages = Arrays.stream(UiLanguage.values()).map(l -> new Views.Choice(l.code(),
                l.nativeName(), l.code().equals(form.language()))).toList();
        v.modalityField = field("modality", form.modality(), e, t);
        v.modalities = Views.choices(List.of("IN_PERSON", "REMOTE_LIVE", "VIDEO"),
                m -> Texts.modality(t, m), form.modality());
        v.topicField = field("topic", form.topic(), e, t);

        SpeakerForm change = speakerForm != null ? speakerForm
                : SpeakerForm.from(request == null ? null : request.speaker());
        FormErrors ce = failedForm == Form.SPEAKER ? errors : new FormErrors();
        v.changeSubstitute = change.substitute();
        v.changeName = field("speaker-name", change.name(), ce, t);
        v.changeTitle = field("speaker-title", change.title(), ce, t);
        v.changeRank = field("speaker-rank", change.rank(), ce, t);
        v.changeRanks = Views.choices(List.of("HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER",
                "DEPUTY_MINISTER", "AMBASSADOR", "HEAD_OF_DELEGATION", "OTHER"), r -> Texts.rank(t, r), change.rank());
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

    private Views.SpeakingStatus speakingStatus(PageMessages t) {
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
                when = t.time_geneva(Times.dateTime(request.seat().plannedStart(), zone, lang));
                Instant start = request.seat().plannedStart();
                // Only when the invitee's clock reads otherwise at that moment (Sarajevo's is Geneva's).
                whenLocal = Times.zone(letter.inviteeTimeZone())
                        .filter(z -> !z.getRules().getOffset(start).equals(zone.getRules().getOffset(start)))
                        .map(z -> t.time_local(Times.dateTime(start, z, lang), z.getId()))
                        .orElse(null);
            }
            position = t.speaking_position(Messages.number(request.seat().position(), lang));
            if (request.remoteLive()) {
                joinUrl = joinUrl(request.seat().remoteJoinUrl());
            } else {
                place = place(letter.forum() == null ? null : letter.forum().venue(), request.seat().room());
            }
        } else if (request.waitingPosition() != null) {
            position = t.speaking_waiting_position(Messages.number(request.waitingPosition(), lang));
        }
        String speaker = request.speaker() == null ? null : request.speaker().name() + ", " + request.speaker().title()
                + (request.speaker().substitute() ? " (" + t.speaker_substitute_short() + ")" : "");
        String rank = null;
        if (request.rankConfirmation() != null && request.speaker() != null && request.speaker().rank() != null) {
            String claimed = orElse(Texts.rank(t, request.speaker().rank()), request.speaker().rank());
            String placed = request.rankForPrecedence() == null ? claimed
                    : orElse(Texts.rank(t, request.rankForPrecedence()), request.rankForPrecedence());
            String confirmation = request.rankConfirmation().status();
            rank = switch (confirmation) {
                case "PENDING" -> t.speaking_rank_PENDING(claimed, placed);
                case "REFUSED" -> t.speaking_rank_REFUSED(claimed, placed);
                case "CONFIRMED" -> t.speaking_rank_CONFIRMED(claimed);
                // As before the bundle: a status the pages do not know yet shows its key rather than nothing.
                default -> "speaking_rank_" + confirmation;
            };
        }
        return new Views.SpeakingStatus(request.status(), orElse(Texts.speakingStatus(t, request.status()),
                request.status()), session, when, whenLocal, position, request.statusReason(), request.topic(),
                speaker, rank, place, joinUrl,
                request.seat() != null && request.remoteLive() && joinUrl == null);
    }

    /** The venue and the session's room, either alone when the other is unknown. */
    private String place(String venue, String room) {
        String v = venue == null || venue.isBlank() ? null : venue.strip();
        String r = room == null || room.isBlank() ? null : room.strip();
        return v == null || r == null ? (v == null ? r : v) : Messages.of(lang).place_format(v, r);
    }

    /** A join link is only ever an https address: anything else is not made a link. */
    static String joinUrl(String url) {
        String u = web(url);
        return u != null && u.toLowerCase(java.util.Locale.ROOT).startsWith("https://") ? u : null;
    }

    private String sessionWhen(Models.Session s) {
        ZoneId zone = Times.zone(s.timeZone()).orElse(Times.GENEVA);
        return Messages.of(lang).time_geneva(Times.dateTime(s.startsAt(), zone, lang));
    }

    private Field field(String id, String value, FormErrors errors, PageMessages t) {
        String key = errors.get(id);
        return new Field(id, value == null ? "" : value, key == null ? null : orElse(Texts.error(t, key), key));
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

    private static String orElse(String text, String otherwise) {
        return text != null ? text : otherwise;
    }
}
