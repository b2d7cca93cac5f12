package itu.wsis.registration.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.registration.domain.Reply;
import itu.wsis.registration.domain.ReplyRefused;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Replies by outcome (docs/metrics.md): {@code wsis_registration_replies_total{outcome, late, channel}} for every reply
 * version recorded (committed), and {@code wsis_registration_replies_refused_total{reason}} for a reply a rule refused.
 * Every combination exists at zero from the start, so rate() works before the first reply.
 */
@ApplicationScoped
@Startup // the counters exist at zero from the start, not from the first use of the bean
public class ReplyOutcomes {

    /** accepted_in_person, accepted_remote, declined, withdrawn. */
    static String outcome(ReplyStatus status, ParticipationMode mode) {
        if (status == ReplyStatus.ACCEPTED) {
            return "accepted_" + (mode == null ? "unknown" : mode.name().toLowerCase(Locale.ROOT));
        }
        return status.name().toLowerCase(Locale.ROOT);
    }

    private final Map<String, Counter> recorded = new HashMap<>();
    private final Map<ReplyRefused.Reason, Counter> refused = new EnumMap<>(ReplyRefused.Reason.class);

    public ReplyOutcomes(MeterRegistry registry) {
        for (ReplyStatus status : ReplyStatus.values()) {
            for (ParticipationMode mode : status == ReplyStatus.ACCEPTED ? ParticipationMode.values()
                    : new ParticipationMode[] {null}) {
                for (boolean late : new boolean[] {false, true}) {
                    for (ReplyChannel channel : ReplyChannel.values()) {
                        String outcome = outcome(status, mode);
                        recorded.put(key(outcome, late, channel), Counter.builder("wsis.registration.replies")
                                .description("Reply versions recorded, by outcome, lateness and channel")
                                .tag("outcome", outcome).tag("late", String.valueOf(late))
                                .tag("channel", channel.name()).register(registry));
                    }
                }
            }
        }
        for (ReplyRefused.Reason reason : ReplyRefused.Reason.values()) {
            refused.put(reason, Counter.builder("wsis.registration.replies.refused")
                    .description("Replies a rule refused (deadline passed, locked after it...), by reason")
                    .tag("reason", reason.name()).register(registry));
        }
    }

    /** Once the version is committed. */
    public void recorded(Reply reply) {
        Counter counter = recorded.get(key(outcome(reply.content().status(), reply.content().mode()), reply.late(),
                reply.channel()));
        if (counter != null) {
            counter.increment();
        }
    }

    public void refused(ReplyRefused refusal) {
        refused.get(refusal.reason()).increment();
    }

    private static String key(String outcome, boolean late, ReplyChannel channel) {
        return outcome + "|" + late + "|" + channel;
    }
}
