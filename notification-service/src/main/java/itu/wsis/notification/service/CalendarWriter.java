package itu.wsis.notification.service;

import itu.wsis.events.Language;
import itu.wsis.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the calendar entries attached to emails (iCalendar, RFC 5545, sent as iMIP, RFC 6047, with the iTIP
 * methods of RFC 5546): {@code PUBLISH} for a speaking slot or an in-person week (the recipient adds it; no reply is
 * asked), {@code CANCEL} when it ends. Every version of one entry has the same UID and a higher SEQUENCE, so a
 * calendar replaces or cancels the entry it holds instead of adding another. Times are in UTC ({@code Z}); the
 * forum's zone is named with {@code X-WR-TIMEZONE} and the email states the Geneva time in the reader's language.
 * {@code LOCATION} is the venue and room, or for a remote speaker the words for remote participation with the join
 * link as the entry's {@code URL} (RFC 5545, 3.8.4.6), which calendars offer as the way in.
 * The organizer is the sender of the emails, from whom a calendar takes updates and cancellations. Every entry is
 * validated (ical4j's RFC 5545 and iTIP rules) before it is sent.
 */
@ApplicationScoped
public class CalendarWriter {

    public static final String PUBLISH = "PUBLISH";
    public static final String CANCEL = "CANCEL";
    private static final Pattern ADDRESS = Pattern.compile("^\\s*(?:\"?([^\"<]*?)\"?\\s*<([^>]+)>|([^<>\\s]+))\\s*$");

    private final String organizerName;
    private final String organizerEmail;
    private final String zone;

    public CalendarWriter(NotificationConfig config) {
        Matcher m = ADDRESS.matcher(config.from());
        if (!m.matches()) {
            throw new IllegalArgumentException("wsis.notifications.from is not an address: " + config.from());
        }
        this.organizerName = m.group(2) != null ? m.group(1).strip() : null;
        this.organizerEmail = m.group(2) != null ? m.group(2).strip() : m.group(3).strip();
        this.zone = config.calendarZone();
    }

    /**
     * The iCalendar object of one version of an entry: {@code item} says what is published, and is null for a
     * cancellation (which needs only the UID and the SEQUENCE).
     */
    public byte[] write(MessageContext.CalendarRef ref, Draft.CalendarItem item, Instant stamp, Language language) {
        boolean cancel = CANCEL.equals(ref.method());
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//WSIS Forum platform//notification-service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(cancel ? CANCEL : PUBLISH));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone));

        VEvent event;
        if (item != null && item.firstDay() != null) {
            // Whole days: DTEND is the day after the last (RFC 5545, 3.6.1).
            event = new VEvent(item.firstDay(), item.lastDay().plusDays(1), item.summary());
        } else if (item != null && item.start() != null) {
            event = new VEvent(item.start(), item.end(), item.summary());
        } else {
            // A cancellation repeats when the cancelled version takes place (RFC 5546, 3.2.5).
            event = new VEvent(false);
            if (ref.firstDay() != null) {
                event.add(new DtStart<>(ref.firstDay()));
                event.add(new DtEnd<>(ref.lastDay().plusDays(1)));
            } else if (ref.start() != null) {
                event.add(new DtStart<>(ref.start()));
                event.add(new DtEnd<>(ref.end()));
            }
        }
        event.replace(new DtStamp(stamp));
        event.add(new Uid(ref.uid()));
        event.add(new Sequence(ref.sequence()));
        Organizer organizer = new Organizer(URI.create("mailto:" + organizerEmail));
        if (organizerName != null && !organizerName.isEmpty()) {
            organizer.add(new Cn(organizerName));
        }
        event.add(organizer);
        if (item != null) {
            event.getProperty(Summary.SUMMARY).ifPresent(summary -> summary.add(
                    new net.fortuna.ical4j.model.parameter.Language(language.code())));
            if (item.location() != null && !item.location().isBlank()) {
                event.add(new Location(item.location()));
            }
            if (item.url() != null) {
                event.add(new Url(URI.create(item.url())));
            }
            if (item.description() != null && !item.description().isEmpty()) {
                event.add(new Description(String.join("\n", item.description())));
            }
            event.add(new Transp(Transp.VALUE_OPAQUE));
            event.add(new Status(Status.VALUE_CONFIRMED));
        } else {
            event.add(new Status(Status.VALUE_CANCELLED));
        }
        calendar.add(event);

        // An entry that breaks RFC 5545 or the iTIP rules of its method is a bug, never sent.
        ValidationResult validation = calendar.validate();
        if (validation.hasErrors()) {
            throw new IllegalStateException("invalid calendar entry " + ref.uid() + ": " + validation);
        }
        StringWriter out = new StringWriter();
        try {
            // Validating: an entry that breaks RFC 5545 or the iTIP rules of its method is a bug, never sent.
            new CalendarOutputter(true).output(calendar, out);
        } catch (ValidationException e) {
            throw new IllegalStateException("invalid calendar entry " + ref.uid() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
