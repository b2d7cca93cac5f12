package itu.wsis.notification.service;

import io.quarkus.qute.HtmlEscaper;
import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.ActionPolicy;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.domain.SafeText;
import itu.wsis.notification.domain.SalutationPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a {@link MessageContext} into a localized subject, HTML body, plain-text body and, where the message carries
 * one, an iCalendar attachment. The frame every email shares is written here: the header block with the letter's
 * reference and date (for the invitation, the paper letter's whole header), the salutation, the personal link, the
 * forum's links and the signature block; what differs by kind is written by that kind's {@link Notice}.
 * <p>
 * An email is in one language from salutation to signature: a language is used only if the catalog, the letter's
 * signature block and every text the notice shows exist in it; otherwise the fallback policy picks another, and
 * without one there is no email.
 */
@ApplicationScoped
public class EmailComposer {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EmailComposer.class);

    /** An attachment of the email: the calendar entry. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    public record Composed(String subject, String html, String text, LanguageFallbackPolicy.Resolution language,
                           Optional<Attachment> calendar) {
    }

    /**
     * Everything an email without a calendar entry or an event of its own says, apart from its salutation and its
     * personal link: the letter and the forum as they are now (whole: a new revision, a renamed forum or a new
     * signatory is another key, so a kept body can never be stale), the language used, the deadlines and zone it
     * states, whether the recipient replied, and what {@code now} decides (whether it asks for an action, whether the
     * reply deadline has passed). A notice that reads anything else from its context must add it here.
     */
    record BodyKey(MessageKind kind, Object detail, LanguageFallbackPolicy.Resolution language,
                   MessageContext.Letter letter, MessageContext.Forum forum, Deadline responseDeadline,
                   Deadline speakingRequestDeadline, ZoneId zone, boolean replied, boolean asks,
                   boolean deadlinePassed, boolean hasLink) {

        /** Null for an email that is not kept: a calendar entry (stamped with {@code now}) or an event's detail. */
        static BodyKey of(MessageContext context, LanguageFallbackPolicy.Resolution language, boolean hasLink) {
            if (context.calendar() != null
                    || (context.detail() != null && !(context.detail() instanceof MessageContext.Reminder))) {
                return null;
            }
            MessageContext.Recipient r = context.recipient();
            Instant endsAt = r.responseDeadline() == null ? null : r.responseDeadline().endsAt();
            return new BodyKey(context.kind(), context.detail(), language, context.letter(), context.forum(),
                    r.responseDeadline(), r.speakingRequestDeadline(), r.zone(), r.replied(),
                    ActionPolicy.asksForAction(context.kind(), r.replied(), endsAt, context.now()),
                    ActionPolicy.deadlinePassed(endsAt, context.now()), hasLink);
        }
    }

    /** Stand in for the salutation and the link in a kept body: letters and digits only, which no escaping changes. */
    private static final String SALUTATION_MARK = "wsisSalutation" + UUID.randomUUID().toString().replace("-", "");
    private static final String LINK_MARK = "wsisLink" + UUID.randomUUID().toString().replace("-", "");
    /** The escaping of the HTML template's values (Qute's own), applied to what replaces the marks. */
    private static final HtmlEscaper HTML = new HtmlEscaper(List.of());

    /** An email rendered with the marks in place of the salutation and the link. */
    record Body(String subject, String html, String text) {
        Body(Composed composed) {
            this(composed.subject(), composed.html(), composed.text());
        }

        Composed personalised(String salutation, String link, LanguageFallbackPolicy.Resolution language) {
            String html = this.html.replace(SALUTATION_MARK, HTML.map(salutation, null));
            String text = this.text.replace(SALUTATION_MARK, salutation);
            if (link != null) {
                html = html.replace(LINK_MARK, HTML.map(link, null));
                text = text.replace(LINK_MARK, link);
            }
            return new Composed(subject, html, text, language, Optional.empty());
        }
    }

    /**
     * Bounded: a bulk is one letter in a few languages, deadlines and zones; each body is some tens of kilobytes.
     * Least recently used first out.
     */
    private static final int BODIES_KEPT = 64;
    private final Map<BodyKey, Body> bodies = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BodyKey, Body> eldest) {
            return size() > BODIES_KEPT;
        }
    });

    private final MessageCatalog catalog;
    private final LanguageFallbackPolicy fallbackPolicy;
    private final CalendarWriter calendars;

    public EmailComposer(MessageCatalog catalog, NotificationConfig config, CalendarWriter calendars) {
        this.catalog = catalog;
        this.fallbackPolicy = new LanguageFallbackPolicy(config.languageFallback());
        this.calendars = calendars;
    }

    /** Empty when no acceptable language has every text the message needs: then there is no message. */
    public Optional<Composed> compose(MessageContext context) {
        Notice notice = Notice.of(context.kind(), context.detail());
        Set<Language> available = EnumSet.noneOf(Language.class);
        for (Language language : Language.values()) {
            if (catalog.complete(language, context.kind()) && context.letter().signature(language).isPresent()
                    && notice.readyIn(language, context)) {
                available.add(language);
            }
        }
        return fallbackPolicy.resolve(context.recipient().language(), available, context.letter().originalLanguage())
                .map(resolution -> render(context, notice, resolution));
    }

    /**
     * The email of {@code context}. An email without a calendar entry or an event of its own (the invitation, the
     * link and deadline notices, the reminders: the bulk's emails) is the same text for every recipient who shares
     * what {@link BodyKey} holds, apart from its salutation and personal link: it is rendered once with a marker in
     * their place and kept, and each further recipient's copy only has the markers replaced.
     */
    private Composed render(MessageContext context, Notice notice, LanguageFallbackPolicy.Resolution resolution) {
        Texts t = new Texts(resolution.used());
        String salutation = line(t.get(SalutationPolicy.key(context.recipient().rank(),
                context.recipient().formOfAddress())));
        String link = context.kind() == MessageKind.INVITATION_REVOKED ? null : context.link();
        BodyKey key = BodyKey.of(context, resolution, link != null);
        if (key == null) {
            return render(context, notice, resolution, salutation, link);
        }
        Body body = bodies.get(key);
        if (body != null) {
            return body.personalised(salutation, link, resolution);
        }
        Composed composed = render(context, notice, resolution, salutation, link);
        Body rendered = new Body(render(context, notice, resolution, SALUTATION_MARK, link == null ? null : LINK_MARK));
        // Kept only if this recipient's copy made from it is the email itself, byte for byte.
        if (rendered.personalised(salutation, link, resolution).equals(composed)) {
            bodies.put(key, rendered);
        } else {
            LOG.warnf("A %s email could not be kept as a template: its personalised copy differs", context.kind());
        }
        return composed;
    }

    private Composed render(MessageContext context, Notice notice, LanguageFallbackPolicy.Resolution resolution,
                            String salutation, String link) {
        Language lang = resolution.used();
        Texts t = new Texts(lang);
        MessageContext.Recipient recipient = context.recipient();
        MessageKind kind = context.kind();
        boolean asks = ActionPolicy.asksForAction(kind, recipient.replied(),
                recipient.responseDeadline() == null ? null : recipient.responseDeadline().endsAt(), context.now());
        Draft d = new Draft(lang, context, asks, t);
        notice.write(d);
        if (kind != MessageKind.INVITATION && !d.values.containsKey("deadlineDate")) {
            d.values.put("deadlineDate", recipient.responseDeadline() == null ? ""
                    : d.date(recipient.responseDeadline().date()));
        }

        String subject = d.fill("subject.with_reference", Map.of("subject", d.fill(notice.messageKey() + ".subject")));
        if (asks) {
            subject = t.get("action_required") + " " + subject;
        }
        subject = SafeText.singleLine(subject, 250);

        Optional<Attachment> calendar = calendar(context, d);
        List<String> paragraphs = new ArrayList<>(d.paragraphs);
        calendar.ifPresent(c -> paragraphs.add(t.get(c.contentType().contains("method=CANCEL")
                ? "calendar.cancelled" : "calendar.attached")));

        String colon = t.get("punct.colon");
        // Every value is one line of the plain-text body (the template adds the line breaks): a name with CR, LF,
        // U+2028 or another control character, whatever the edge let through, cannot start a line of its own.
        EmailView view = new EmailView(lang.code(), lang.rightToLeft() ? "rtl" : "ltr", subject,
                header(context, d).stream().map(h -> new EmailView.HeaderLine(h.label() == null ? null
                        : line(h.label()), line(h.value()))).toList(),
                salutation,
                paragraphs.stream().map(EmailComposer::line).map(WebLinks::paragraph).toList(),
                d.details.stream().map(x -> new EmailView.Detail(line(x.label()), line(x.value()))).toList(),
                line(t.get("link.label")), link,
                d.links.stream().map(l -> new EmailView.Link(line(l.label()), l.url())).toList(),
                signature(context, d).stream().map(EmailComposer::line).toList(), colon);
        String html = Emails.html(view).render();
        String text = Emails.text(view).render();
        return new Composed(subject, html, text, resolution, calendar);
    }

    /**
     * The header block. The invitation has the paper letter's: reference, place and date, contact, e-mail and
     * telephone, addressee, subject ("Réf.: CL-22/010 … Genève, le 21 mars 2022"). Every other email names the letter
     * it is about by reference and date.
     */
    private static List<EmailView.HeaderLine> header(MessageContext context, Draft d) {
        MessageContext.Letter letter = context.letter();
        List<EmailView.HeaderLine> lines = new ArrayList<>();
        if (context.kind() != MessageKind.INVITATION) {
            lines.add(letter.letterDate() == null
                    ? new EmailView.HeaderLine(d.text("label.reference"), letter.reference())
                    : new EmailView.HeaderLine(null, d.fill("letter.reference_line", Map.of("date", letterDate(d)))));
            return lines;
        }
        LocalizedText text = letter.texts().get(d.lang);
        lines.add(new EmailView.HeaderLine(d.text("label.reference"), letter.reference()));
        if (letter.letterDate() != null) {
            String place = text.place() == null || text.place().isBlank() ? null : text.place().strip();
            lines.add(new EmailView.HeaderLine(null, place == null ? letterDate(d)
                    : d.fill("letter.dateline", Map.of("place", place, "date", letterDate(d)))));
        }
        Contact contact = letter.contact();
        if (contact != null) {
            addIfPresent(lines, d.text("label.contact"), contact.name());
            addIfPresent(lines, d.text("label.email"), contact.email());
            addIfPresent(lines, d.text("label.phone"), contact.phone());
        }
        if (text.addressee() != null && !text.addressee().isBlank()) {
            lines.add(new EmailView.HeaderLine(null, text.addressee().strip()));
        }
        lines.add(new EmailView.HeaderLine(d.text("label.subject"), text.subject().strip()));
        return lines;
    }

    static String letterDate(Draft d) {
        return d.context.letter().letterDate() == null ? "" : d.date(d.context.letter().letterDate());
    }

    private static void addIfPresent(List<EmailView.HeaderLine> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(new EmailView.HeaderLine(label, value.strip()));
        }
    }

    /**
     * The signature block, once, in the email's language: the invitation's body ends with the letter's closing
     * formula, so it gets the "(signed)" mark, the name and the title; every other email its own closing, the name,
     * the title and the contact.
     */
    private static List<String> signature(MessageContext context, Draft d) {
        MessageContext.Letter letter = context.letter();
        MessageContext.Letter.Signature signature = letter.signature(d.lang).orElseThrow();
        List<String> lines = new ArrayList<>();
        if (context.kind() == MessageKind.INVITATION) {
            lines.add(d.text("letter.signed"));
        } else {
            lines.add(d.text("closing.plain"));
        }
        lines.add(signature.name());
        if (signature.title() != null) {
            lines.add(signature.title());
        }
        if (context.kind() != MessageKind.INVITATION && letter.contact() != null) {
            String contact = Draft.joinNonBlank(letter.contact().name(), letter.contact().email(),
                    letter.contact().phone());
            if (!contact.isEmpty()) {
                lines.add(d.text("label.contact") + d.text("punct.colon") + contact);
            }
        }
        return lines;
    }

    private Optional<Attachment> calendar(MessageContext context, Draft d) {
        MessageContext.CalendarRef ref = context.calendar();
        if (ref == null) {
            return Optional.empty();
        }
        boolean cancel = CalendarWriter.CANCEL.equals(ref.method());
        if (!cancel && d.calendar == null) {
            return Optional.empty();   // nothing to publish (e.g. a forum without in-person dates)
        }
        if (cancel && !ref.timesKnown()) {
            return Optional.empty();   // what it would cancel was never published with its times
        }
        byte[] ics;
        try {
            ics = calendars.write(ref, cancel ? null : d.calendar, context.now(), d.lang);
        } catch (IllegalStateException invalid) {
            // A bug, not the recipient's fault: the email still goes, without an entry that calendars would refuse.
            LOG.errorf("Calendar entry of a %s email not attached: %s", context.kind(), invalid.getMessage());
            return Optional.empty();
        }
        return Optional.of(new Attachment(cancel ? "cancellation.ics" : "invitation.ics",
                "text/calendar; charset=UTF-8; method=" + ref.method(), ics));
    }

    /** A letter body's paragraph can be long; anything longer than this is not a paragraph anyone wrote. */
    private static final int MAX_LINE = 50_000;

    static String line(String value) {
        return SafeText.singleLine(value, MAX_LINE);
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

    /**
     * Whether a paragraph of a letter's body is its signature block ("(signed)", the signatory's name and title),
     * which the email adds from the letter's signatory fields: a body that still ends with it would show it twice.
     */
    static boolean isSignature(String paragraph, MessageContext.Letter.Signature signature, String signedMark) {
        String p = normalized(paragraph);
        String name = normalized(signature.name());
        String title = normalized(signature.title());
        String mark = normalized(signedMark);
        return p.equals(name) || (!title.isEmpty() && (p.equals(title) || p.equals(name + " " + title)))
                || p.equals(mark) || p.equals(mark + " " + name)
                || (!title.isEmpty() && p.equals(mark + " " + name + " " + title))
                || p.matches("\\(\\s*original\\s+sign[ée]\\s*\\)");
    }

    private static String normalized(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static Optional<String> textIfAny(Texts texts, String key) {
        return texts.catalog().text(texts.language, key);
    }

    /** The catalog seen through one language. Every key exists: {@link MessageCatalog#complete} was checked. */
    final class Texts {
        private final Language language;

        Texts(Language language) {
            this.language = language;
        }

        MessageCatalog catalog() {
            return catalog;
        }

        String get(String key) {
            return catalog.text(language, key)
                    .orElseThrow(() -> new IllegalStateException("no text " + key + " in " + language.code()));
        }
    }
}
