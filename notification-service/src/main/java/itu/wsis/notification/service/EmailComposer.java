package itu.wsis.notification.service;

import itu.wsis.events.Deadline;
import itu.wsis.events.Delegate;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.domain.SafeText;
import itu.wsis.notification.domain.SalutationPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a {@link MessageContext} into a localized subject, HTML body and plain-text body. */
@ApplicationScoped
public class EmailComposer {

    public record Composed(String subject, String html, String text, LanguageFallbackPolicy.Resolution language) {
    }

    private final MessageCatalog catalog;
    private final LanguageFallbackPolicy fallbackPolicy;

    public EmailComposer(MessageCatalog catalog, NotificationConfig config) {
        this.catalog = catalog;
        this.fallbackPolicy = new LanguageFallbackPolicy(config.languageFallback());
    }

    /** Empty when no acceptable language has every text the message needs: then there is no message. */
    public Optional<Composed> compose(MessageContext context) {
        Set<Language> available = EnumSet.noneOf(Language.class);
        for (Language language : Language.values()) {
            if (catalog.complete(language, context.kind()) && letterReady(context, language)) {
                available.add(language);
            }
        }
        return fallbackPolicy.resolve(context.recipient().language(), available, context.letter().originalLanguage())
                .map(resolution -> render(context, resolution));
    }

    private static boolean letterReady(MessageContext context, Language language) {
        if (context.kind() != MessageKind.INVITATION) {
            return true;
        }
        LocalizedText text = context.letter().texts().get(language);
        return text != null && text.subject() != null && !text.subject().isBlank()
                && text.body() != null && !text.body().isBlank();
    }

    private Composed render(MessageContext context, LanguageFallbackPolicy.Resolution resolution) {
        Language lang = resolution.used();
        Texts t = new Texts(lang);
        MessageContext.Recipient recipient = context.recipient();
        String forumName = context.forum().name(lang);
        ZoneId forumZone = context.forum().zone();
        ZoneId localZone = recipient.zone() == null ? forumZone : recipient.zone();
        Map<String, String> values = new HashMap<>();
        values.put("forum", forumName);

        List<String> paragraphs = new ArrayList<>();
        List<EmailView.Detail> details = new ArrayList<>();
        String subject;
        MessageKind kind = context.kind();
        String k = kind.key();
        Object detail = context.detail();

        switch (kind) {
            case INVITATION -> {
                LocalizedText letter = context.letter().texts().get(lang);
                values.put("letterSubject", letter.subject());
                paragraphs.addAll(paragraphsOf(letter.body()));
                paragraphs.add(t.get(k + ".body"));
                deadlineDetail(t, details, recipient.responseDeadline(), localZone, lang);
            }
            case LINK_REISSUED -> {
                paragraphs.add(t.fill(k + ".body", values));
                deadlineDetail(t, details, recipient.responseDeadline(), localZone, lang);
            }
            case REPLY_ACCEPTED -> {
                InvitationAccepted e = (InvitationAccepted) detail;
                paragraphs.add(t.fill(k + ".body", values));
                if (e.mode() != null) {
                    details.add(new EmailView.Detail(t.get("label.mode"), t.get("mode." + e.mode())));
                }
                delegationDetail(t, details, e.delegation());
                if (e.late()) {
                    paragraphs.add(t.get("late_notice"));
                }
            }
            case REPLY_DECLINED -> {
                paragraphs.add(t.fill(k + ".body", values));
                if (((InvitationDeclined) detail).late()) {
                    paragraphs.add(t.get("late_notice"));
                }
            }
            case REPLY_CHANGED -> {
                ReplyChanged e = (ReplyChanged) detail;
                paragraphs.add(t.fill(k + ".body", values));
                details.add(new EmailView.Detail(t.get("label.status"), t.get("status." + e.status())));
                if (e.status() == ReplyStatus.ACCEPTED && e.mode() != null) {
                    details.add(new EmailView.Detail(t.get("label.mode"), t.get("mode." + e.mode())));
                    delegationDetail(t, details, e.delegation());
                }
                if (e.late()) {
                    paragraphs.add(t.get("late_notice"));
                }
            }
            case REPLY_WITHDRAWN -> {
                paragraphs.add(t.fill(k + ".body", values));
                if (((ReplyWithdrawn) detail).late()) {
                    paragraphs.add(t.get("late_notice"));
                }
            }
            case SPEAKING_REQUEST_RECEIVED -> {
                SpeakingRequestSubmitted e = (SpeakingRequestSubmitted) detail;
                paragraphs.add(t.fill(k + ".body", values));
                if (e.speaker() != null) {
                    details.add(new EmailView.Detail(t.get("label.speaker"), speaker(e.speaker())));
                }
                if (e.modality() != null) {
                    details.add(new EmailView.Detail(t.get("label.modality"), t.get("modality." + e.modality())));
                }
                if (e.late()) {
                    paragraphs.add(t.get("late_notice"));
                }
            }
            case SPEAKING_SLOT_ALLOCATED -> {
                SpeakingSlotAllocated e = (SpeakingSlotAllocated) detail;
                paragraphs.add(t.fill(k + ".body", values));
                slotDetails(t, details, lang, e.sessionTitles(), e.plannedStart() != null ? e.plannedStart()
                        : e.sessionStart(), zoneOr(e.timeZone(), forumZone), localZone, e.position(), e.modality());
                paragraphs.add(t.fill("statement_rule", Map.of("minutes", Integer.toString(e.statementMinutes()))));
            }
            case SPEAKING_REQUEST_PROMOTED -> {
                SpeakingRequestPromoted e = (SpeakingRequestPromoted) detail;
                paragraphs.add(t.fill(k + ".body", values));
                slotDetails(t, details, lang, e.sessionTitles(), e.plannedStart() != null ? e.plannedStart()
                        : e.sessionStart(), zoneOr(e.timeZone(), forumZone), localZone, e.position(), e.modality());
                paragraphs.add(t.fill("statement_rule", Map.of("minutes", Integer.toString(e.statementMinutes()))));
            }
            case SPEAKING_REQUEST_WAITLISTED -> {
                SpeakingRequestWaitlisted e = (SpeakingRequestWaitlisted) detail;
                values.put("position", Integer.toString(e.position()));
                paragraphs.add(t.fill(k + ".body", values));
            }
            case SPEAKING_REQUEST_REJECTED -> {
                SpeakingRequestRejected e = (SpeakingRequestRejected) detail;
                paragraphs.add(t.fill(k + ".body", values));
                if (e.reason() != null && !e.reason().isBlank()) {
                    details.add(new EmailView.Detail(t.get("label.reason"), e.reason()));
                }
            }
            case SPEAKER_SUBSTITUTED -> {
                SpeakerSubstituted e = (SpeakerSubstituted) detail;
                values.put("speaker", e.speaker() == null ? "" : speaker(e.speaker()));
                paragraphs.add(t.fill(k + ".body", values));
            }
            case REMINDER_RESPONSE, REMINDER_SPEAKING_REQUEST -> {
                Deadline deadline = kind == MessageKind.REMINDER_RESPONSE ? recipient.responseDeadline()
                        : recipient.speakingRequestDeadline();
                values.put("deadline", deadlineText(deadline, localZone, lang, t));
                values.put("deadlineDate", date(deadline.date(), lang));
                paragraphs.add(t.fill(k + ".body", values));
            }
            default -> throw new IllegalStateException("no composition for " + kind);
        }
        if (kind != MessageKind.INVITATION && !values.containsKey("deadlineDate")) {
            values.put("deadlineDate", recipient.responseDeadline() == null ? ""
                    : date(recipient.responseDeadline().date(), lang));
        }
        subject = t.fill(k + ".subject", values);
        if (kind.actionRequired()) {
            subject = t.get("action_required") + " " + subject;
        }
        subject = SafeText.singleLine(subject, 250);

        List<String> signature = new ArrayList<>();
        MessageContext.Letter letter = context.letter();
        if (kind != MessageKind.INVITATION) {
            // The letter's own body already ends with its formal closing.
            signature.add(t.get("closing.plain"));
        }
        if (letter.signatoryName() != null) {
            signature.add(letter.signatoryName());
        }
        if (letter.signatoryTitle() != null) {
            signature.add(letter.signatoryTitle());
        }
        if (letter.contact() != null) {
            signature.add(t.get("label.contact") + ": " + joinNonBlank(letter.contact().name(),
                    letter.contact().email(), letter.contact().phone()));
        }
        String salutation = t.get(SalutationPolicy.key(recipient.rank(), recipient.formOfAddress()));
        // Every value is one line of the plain-text body (the template adds the line breaks): a name with CR, LF,
        // U+2028 or another control character, whatever the edge let through, cannot start a line of its own.
        EmailView view = new EmailView(lang.code(), lang.rightToLeft() ? "rtl" : "ltr", subject, line(salutation),
                paragraphs.stream().map(EmailComposer::line).toList(),
                details.stream().map(d -> new EmailView.Detail(line(d.label()), line(d.value()))).toList(),
                line(t.get("link.label")), context.link(), signature.stream().map(EmailComposer::line).toList());
        String html = Emails.html(view).render();
        String text = Emails.text(view).render();
        return new Composed(subject, html, text, resolution);
    }

    private void slotDetails(Texts t, List<EmailView.Detail> details, Language lang, Map<Language, String> titles,
                             Instant start, ZoneId eventZone, ZoneId localZone, int position,
                             itu.wsis.events.SpeakingModality modality) {
        if (titles != null && !titles.isEmpty()) {
            String title = titles.getOrDefault(lang, titles.get(Language.EN));
            if (title != null) {
                details.add(new EmailView.Detail(t.get("label.session"), title));
            }
        }
        if (start != null) {
            details.add(new EmailView.Detail(t.get("label.date"), dateTimeWithLocal(start, eventZone, localZone, lang, t)));
        }
        details.add(new EmailView.Detail(t.get("label.position"), Integer.toString(position)));
        if (modality != null) {
            details.add(new EmailView.Detail(t.get("label.modality"), t.get("modality." + modality)));
        }
    }

    private void delegationDetail(Texts t, List<EmailView.Detail> details, List<Delegate> delegation) {
        if (delegation == null || delegation.isEmpty()) {
            return;
        }
        String members = delegation.stream().map(d -> {
            String who = joinNonBlank(d.name(), d.title());
            return d.headOfDelegation() ? who + " (" + t.get("head_of_delegation") + ")" : who;
        }).collect(Collectors.joining("; "));
        details.add(new EmailView.Detail(t.get("label.delegation"), members));
    }

    private void deadlineDetail(Texts t, List<EmailView.Detail> details, Deadline deadline, ZoneId localZone,
                                Language lang) {
        if (deadline != null) {
            details.add(new EmailView.Detail(t.get("label.deadline"), deadlineText(deadline, localZone, lang, t)));
        }
    }

    /** "15 avril 2022 (Europe/Zurich) — votre heure locale : 16 avril 2022 à 05:59" when the zones differ. */
    static String deadlineText(Deadline deadline, ZoneId localZone, Language lang, Texts t) {
        String text = date(deadline.date(), lang) + " (" + deadline.timeZone() + ")";
        ZoneId deadlineZone = zoneOr(deadline.timeZone(), localZone);
        if (deadline.endsAt() != null && !sameOffsets(deadlineZone, localZone, deadline.endsAt())) {
            text += " — " + t.get("label.local_time") + ": " + dateTime(deadline.endsAt(), localZone, lang)
                    + " (" + localZone.getId() + ")";
        }
        return text;
    }

    static String dateTimeWithLocal(Instant instant, ZoneId eventZone, ZoneId localZone, Language lang, Texts t) {
        String text = dateTime(instant, eventZone, lang) + " (" + eventZone.getId() + ")";
        if (!sameOffsets(eventZone, localZone, instant)) {
            text += " — " + t.get("label.local_time") + ": " + dateTime(instant, localZone, lang)
                    + " (" + localZone.getId() + ")";
        }
        return text;
    }

    static String date(LocalDate date, Language lang) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang.locale()).format(date);
    }

    static String dateTime(Instant instant, ZoneId zone, Language lang) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(lang.locale())
                .format(instant.atZone(zone));
    }

    private static boolean sameOffsets(ZoneId a, ZoneId b, Instant at) {
        return a.getRules().getOffset(at).equals(b.getRules().getOffset(at));
    }

    static ZoneId zoneOr(String zone, ZoneId fallback) {
        try {
            return zone == null || zone.isBlank() ? fallback : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }

    private static String speaker(itu.wsis.events.Speaker speaker) {
        return joinNonBlank(speaker.name(), speaker.title());
    }

    /** A letter body's paragraph can be long; anything longer than this is not a paragraph anyone wrote. */
    private static final int MAX_LINE = 50_000;

    static String line(String value) {
        return SafeText.singleLine(value, MAX_LINE);
    }

    private static String joinNonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p.strip());
            }
        }
        return String.join(", ", kept);
    }

    /** A letter body as paragraphs: blank lines separate them; single line breaks are kept as spaces. */
    static List<String> paragraphsOf(String body) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            String p = block.strip().replaceAll("\\s*\n\\s*", " ");
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
        }
        return paragraphs;
    }

    /** The catalog seen through one language. Every key exists: {@link MessageCatalog#complete} was checked. */
    final class Texts {
        private final Language language;

        Texts(Language language) {
            this.language = language;
        }

        String get(String key) {
            return catalog.text(language, key)
                    .orElseThrow(() -> new IllegalStateException("no text " + key + " in " + language.code()));
        }

        String fill(String key, Map<String, String> values) {
            return MessageCatalog.fill(get(key), values);
        }
    }
}
