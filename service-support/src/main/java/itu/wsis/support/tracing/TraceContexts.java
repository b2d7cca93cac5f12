package itu.wsis.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.List;

/**
 * The W3C trace context as the one line of text that travels where a span cannot: in an outbox row, in an intent of
 * notification-service, between the transaction that wrote it and the loop that acts on it later
 * (docs/tracing.md). Plain text on purpose: a row is read by plain SQL, and the header is the same text.
 */
public final class TraceContexts {

    /** The Kafka record header and the W3C name. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> ONE_HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContexts() {
    }

    /** The current span as a traceparent ({@code 00-<trace id>-<span id>-<flags>}); null outside any trace. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * The context a stored traceparent names, as the parent of the work done for it now; null when none was stored
     * or it cannot be read (the work then starts a trace of its own rather than failing).
     */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONE_HEADER);
        return Span.fromContext(extracted).getSpanContext().isValid() ? extracted : null;
    }

    /** The trace id of a traceparent, or null. */
    public static String traceId(String traceparent) {
        Context parent = parent(traceparent);
        return parent == null ? null : Span.fromContext(parent).getSpanContext().getTraceId();
    }
}
