package itu.wsis.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import itu.wsis.events.Language;
import itu.wsis.notification.domain.MessageKind;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code wsis_notifications_emails_total{kind, language, outcome}}: every email's outcome, by kind and language
 * (docs/metrics.md). The counters are built once, at zero, for every kind, language and outcome, so that the sender's
 * hot path only increments one (no meter lookup per email) and rate() and the SMTP alert work before the first email.
 */
@ApplicationScoped
@Startup // the counters exist at zero from the start, not from the first use of the bean
public class EmailOutcomes {

    /** What became of one attempt. */
    public enum Outcome {
        /** The SMTP server accepted it. */
        SENT,
        /** A transient failure (4xx, no connection, no reply): the intent is tried again later. */
        RETRIED,
        /** Given up: permanent SMTP failure, too many attempts, invalid address, no template, unreadable payload. */
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String UNKNOWN_LANGUAGE = "unknown";

    private final MeterRegistry registry;
    private final Counter[][][] counters;
    /** Only for a kind or language code outside the enums (a row written by another version): bounded by the data. */
    private final Map<String, Counter> others = new ConcurrentHashMap<>();

    public EmailOutcomes(MeterRegistry registry) {
        this.registry = registry;
        MessageKind[] kinds = MessageKind.values();
        Language[] languages = Language.values();
        Outcome[] outcomes = Outcome.values();
        counters = new Counter[kinds.length][languages.length + 1][outcomes.length];
        for (MessageKind kind : kinds) {
            for (int l = 0; l <= languages.length; l++) {
                String language = l < languages.length ? languages[l].code() : UNKNOWN_LANGUAGE;
                for (Outcome outcome : outcomes) {
                    counters[kind.ordinal()][l][outcome.ordinal()] = build(kind.name(), language, outcome);
                }
            }
        }
    }

    /** {@code kind} as in the delivery log; {@code language} a code ({@code en}) or null when none is known. */
    public void record(String kind, String language, Outcome outcome) {
        MessageKind k = kind(kind);
        int l = language(language);
        if (k != null && l >= 0) {
            counters[k.ordinal()][l][outcome.ordinal()].increment();
        } else {
            others.computeIfAbsent(kind + "|" + language + "|" + outcome,
                    key -> build(String.valueOf(kind), String.valueOf(language), outcome)).increment();
        }
    }

    private Counter build(String kind, String language, Outcome outcome) {
        return Counter.builder("wsis.notifications.emails")
                .description("Emails by kind, language and outcome (sent, retried, failed)")
                .tag("kind", kind).tag("language", language).tag("outcome", outcome.tag())
                .register(registry);
    }

    private static MessageKind kind(String kind) {
        for (MessageKind k : MessageKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    private static int language(String code) {
        if (code == null) {
            return Language.values().length;
        }
        for (Language l : Language.values()) {
            if (l.code().equalsIgnoreCase(code)) {
                return l.ordinal();
            }
        }
        return -1;
    }
}
