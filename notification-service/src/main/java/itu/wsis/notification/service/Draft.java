package itu.wsis.notification.service;

import itu.wsis.events.Deadline;
import itu.wsis.events.Delegate;
import itu.wsis.events.Language;
import itu.wsis.events.Speaker;
import itu.wsis.events.SpeakingModality;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One email being written, in one language: what a {@link Notice} adds to it (paragraphs, details, the forum's
 * links, a calendar entry) and the helpers it writes with. Every word comes from the catalog of that language, every
 * date from that language's patterns, every zone name from that language's catalog or CLDR: nothing is borrowed
 * from another language.
 */
final class Draft {

    /**
     * What a calendar entry of a published event says; times in UTC, or whole days. {@code url} is the address the
     * entry links to (RFC 5545 {@code URL}): a remote speaker's join link, or null.
     */
    record CalendarItem(String summary, Instant start, Instant end, LocalDate firstDay, LocalDate lastDay,
                        String location, List<String> description, String url) {
    }

    final Language lang;
    final MessageContext context;
    final boolean asksForAction;
    final ZoneId forumZone;
    final ZoneId localZone;
    final Map<String, String> values = new HashMap<>();
    final List<String> paragraphs = new ArrayList<>();
    final List<EmailView.Detail> details = new ArrayList<>();
    final List<EmailView.Link> links = new ArrayList<>();
    CalendarItem calendar;

    private final EmailComposer.Texts texts;

    Draft(Language lang, MessageContext context, boolean asksForAction, EmailComposer.Texts texts) {
        this.lang = lang;
        this.context = context;
        this.asksForAction = asksForAction;
        this.texts = texts;
        this.forumZone = context.forum().zone();
        this.localZone = context.recipient().zone() == null ? forumZone : context.recipient().zone();
        values.put("forum", context.forum().name(lang));
        values.put("reference", context.letter().reference());
    }

    String text(String key) {
        return texts.get(key);
    }

    /** The text of {@code key} with the draft's values ({forum}, {reference}, ...) filled in. */
    String fill(String key) {
        return MessageCatalog.fill(texts.get(key), values);
    }

    String fill(String key, Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(values);
        all.putAll(extra);
        return MessageCatalog.fill(texts.get(key), all);
    }

    void paragraph(String text) {
        paragraphs.add(text);
    }

    void detail(String labelKey, String value) {
        details.add(new EmailView.Detail(text(labelKey), value));
    }

    /** The forum's own pages, as links: its website always; the speaking-request page and partnership offers on request. */
    void forumLinks(boolean speakingRequest, boolean partnership) {
        MessageContext.Forum forum = context.forum();
        link("link.forum_site", forum.siteUrl());
        if (speakingRequest) {
            link("link.speaking_request", forum.speakingRequestUrl());
        }
        if (partnership) {
            link("link.partnership", forum.partnershipUrl());
        }
    }

    /** A real link in the HTML part, the address as it is in the text part; nothing if it is not http(s). */
    void link(String labelKey, String url) {
        String safe = WebLinks.safe(url);
        if (safe != null) {
            links.add(new EmailView.Link(text(labelKey), safe));
        }
    }

    // ---- dates, times and zones, in this language only

    String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(text("format.date"), lang.locale()).format(date);
    }

    String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern(text("format.date_time"), lang.locale()).format(instant.atZone(zone));
    }

    String dateRange(LocalDate from, LocalDate to) {
        return fill("format.date_range", Map.of("from", date(from), "to", date(to)));
    }

    /** "heure de Genève", "Geneva time", "日内瓦时间": the catalog's name of the zone, else CLDR's in this language. */
    String zoneName(ZoneId zone) {
        return EmailComposer.textIfAny(texts, "zone." + zone.getId())
                .orElseGet(() -> zone.getDisplayName(TextStyle.FULL, lang.locale()));
    }

    String inZone(String value, ZoneId zone) {
        return fill("format.in_zone", Map.of("value", value, "zone", zoneName(zone)));
    }

    /** "15 avril 2022 (heure de Genève) — votre heure locale: 16 avril 2022 à 07:00" when the offsets differ. */
    String deadline(Deadline deadline) {
        ZoneId deadlineZone = zoneOr(deadline.timeZone(), forumZone);
        String text = inZone(date(deadline.date()), deadlineZone);
        if (deadline.endsAt() != null && !sameOffsets(deadlineZone, localZone, deadline.endsAt())) {
            text = withLocal(text, dateTime(deadline.endsAt(), localZone));
        }
        return text;
    }

    /** An event's time in its zone, with the recipient's local time beside it when the offsets differ. */
    String dateTimeWithLocal(Instant instant, ZoneId eventZone) {
        String text = inZone(dateTime(instant, eventZone), eventZone);
        if (!sameOffsets(eventZone, localZone, instant)) {
            text = withLocal(text, dateTime(instant, localZone));
        }
        return text;
    }

    private String withLocal(String value, String local) {
        return fill("format.with_local", Map.of("value", value, "localLabel", text("label.local_time"),
                "local", local));
    }

    // ---- details shared by several notices

    void delegation(List<Delegate> delegation) {
        if (delegation == null || delegation.isEmpty()) {
            return;
        }
        String members = delegation.stream().map(d -> {
            String who = joinNonBlank(d.name(), d.title());
            return d.headOfDelegation() ? who + " (" + text("head_of_delegation") + ")" : who;
        }).collect(Collectors.joining("; "));
        detail("label.delegation", members);
    }

    static String speaker(Speaker speaker) {
        return joinNonBlank(speaker.name(), speaker.title());
    }

    void modality(SpeakingModality modality) {
        if (modality != null) {
            detail("label.modality", text("modality." + modality));
        }
    }

    static String joinNonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p.strip());
            }
        }
        return String.join(", ", kept);
    }

    static ZoneId zoneOr(String zone, ZoneId fallback) {
        try {
            return zone == null || zone.isBlank() ? fallback : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    private static boolean sameOffsets(ZoneId a, ZoneId b, Instant at) {
        return a.getRules().getOffset(at).equals(b.getRules().getOffset(at));
    }
}
