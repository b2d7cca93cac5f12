package itu.wsis.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "wsis.notifications")
public interface NotificationConfig {

    /** The From address of every email. */
    @WithDefault("WSIS Forum Secretariat <wsis-info@itu.int>")
    String from();

    /** Right-hand side of the stable Message-IDs. */
    @WithDefault("wsis.local")
    String messageIdDomain();

    /**
     * The personal link is this base URL followed by the token. Defaults to this project's invitee pages; a partner
     * front-end sets its own.
     */
    @WithDefault("http://localhost:8080/r/")
    String linkBaseUrl();

    /**
     * Languages tried, in order, when a message cannot be written in the recipient's language ({@code original} is
     * the letter's original language). See LanguageFallbackPolicy and docs/notifications.md.
     */
    @WithDefault("original,en")
    List<String> languageFallback();

    Sender sender();

    Reminders reminders();

    Retention retention();

    @WithDefault("5")
    int resendsPerMinute();

    /**
     * The zone named in calendar entries ({@code X-WR-TIMEZONE}): their times are in UTC, and a calendar that shows
     * them in this zone shows the forum's time.
     */
    @WithDefault("Europe/Zurich")
    String calendarZone();

    interface Sender {
        @WithDefault("true")
        boolean enabled();

        /** How often the sender looks for due intents (read by @Scheduled; 1 s is its minimum). */
        @WithDefault("1s")
        String interval();

        /** How many due intents one claim statement takes (one short transaction for the whole batch). */
        @WithDefault("50")
        int batchSize();

        /**
         * How many messages of a batch are in flight at once, each on its own reactive session and SMTP connection,
         * spread over the event loops. 4 keeps two cores busy while the others wait for PostgreSQL or the SMTP
         * server; 1 sends strictly one after another. Keep {@code quarkus.mailer.max-pool-size} at least this.
         */
        @WithDefault("4")
        int lanes();

        /**
         * A claimed intent is left alone by other instances for this long, in the database's time; a crashed
         * sender's intents come back after it (plus {@link #takeoverGrace()}). The holder renews it a third of the
         * way through, before each message and throughout the SMTP dialogue, so a slow SMTP server cannot make it
         * run out under a live sender. See docs/notifications.md, "Timeouts".
         */
        @WithDefault("PT30S")
        Duration claimLease();

        /**
         * How long a sender waits before sending an intent it took over from another instance whose lease ran out.
         * After a database outage longer than the lease every instance comes back at once; the wait lets a live
         * holder whose message the SMTP server had accepted record it (it retries at least every second) before
         * the message could go again. A holder that really died costs this much more delay.
         */
        @WithDefault("PT5S")
        Duration takeoverGrace();

        /**
         * The longest an SMTP dialogue may take before its outcome is given up as unknown: RFC 5321's 10 minutes
         * for the reply to the end of the data, the longest of its timeouts. The claim is renewed meanwhile.
         */
        @WithDefault("PT10M")
        Duration smtpTimeout();

        /**
         * On SIGTERM, how long the SMTP dialogues in flight get to finish and record their outcome before the database
         * pool and the mailer close; nothing new is claimed or started meanwhile. A message is normally a matter of
         * milliseconds. Kept well inside the pod's termination grace (30 s) with quarkus.shutdown.timeout.
         */
        @WithDefault("PT8S")
        Duration shutdownDrain();

        @WithDefault("PT5S")
        Duration firstBackoff();

        @WithDefault("PT10M")
        Duration maxBackoff();

        /** About 3 hours of retries with the defaults: an outage of minutes delays, never loses. */
        @WithDefault("25")
        int maxAttempts();

        /** How long to wait before looking again when the directory does not know the letter or forum yet. */
        @WithDefault("PT5S")
        Duration waitForDirectory();
    }

    interface Reminders {
        /** How often the sweep runs ("off" disables the schedule; the ops endpoint still works). */
        @WithDefault("5m")
        String sweepInterval();

        @WithDefault("P7D,P2D")
        List<Duration> responseOffsets();

        @WithDefault("P3D")
        List<Duration> speakingRequestOffsets();

        /** Local time (HH:mm) in the recipient's zone from which reminders may go out. */
        @WithDefault("09:00")
        String windowStart();

        @WithDefault("18:00")
        String windowEnd();

        /** The days on which no reminder goes out, in the recipient's zone, unless their Member State has its own. */
        @WithDefault("SATURDAY,SUNDAY")
        List<DayOfWeek> weekendDays();

        /**
         * The weekend of the Member States whose weekend is not {@link #weekendDays()}, by the code the invitations
         * carry (e.g. {@code wsis.notifications.reminders.weekend-days-by-member-state.SA=FRIDAY,SATURDAY}).
         */
        Map<String, List<DayOfWeek>> weekendDaysByMemberState();

        @WithDefault("PT12H")
        Duration minimumLead();

        @WithDefault("500")
        int pageSize();
    }

    interface Retention {
        /** Personal data is erased this long after the invitation was issued. */
        @WithDefault("P400D")
        Duration personalData();

        @WithDefault("6h")
        String purgeInterval();
    }
}
