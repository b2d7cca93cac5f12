package itu.wsis.web.page;

import itu.wsis.web.i18n.UiLanguage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Dates and times as the invitee reads them, in the page's language. */
public final class Times {

    /** The forum's venue: deadlines are stated in Geneva time (the letter says so). */
    public static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    private Times() {
    }

    public static String date(LocalDate date, UiLanguage language) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale())
                .format(date);
    }

    public static String dateTime(Instant instant, ZoneId zone, UiLanguage language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(language.locale()).format(instant.atZone(zone));
    }

    /**
     * The last minute of a deadline. A deadline ends at the start of the next day; "16 April, 00:00" would read
     * as a day late, so the page shows "15 April, 23:59".
     */
    public static Instant lastMinute(Instant endsAt) {
        return endsAt.minusSeconds(60);
    }

    /** The invitee's zone when known and valid, else empty. */
    public static java.util.Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(ZoneId.of(id));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }
}
