package itu.wsis.support.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Turns the OTLP export off when no endpoint is configured. Quarkus would otherwise send to its default,
 * localhost:4317, and log a failure for every batch on a host without a collector.
 * <p>
 * Quarkus's OTLP span processor stands aside whenever the application declares a {@link SpanExporter} bean of its own;
 * this one drops every span and exists only while {@code quarkus.otel.exporter.otlp.traces.endpoint} (set from
 * {@code WSIS_OTLP_ENDPOINT}) is unset. Spans are still created and the context still propagates (HTTP, Kafka
 * headers, outbox rows, the logs' trace ids): only their export is off. See docs/tracing.md.
 */
@ApplicationScoped
public class SpanExportSwitch {

    @Produces
    @Singleton
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = "none", lookupIfMissing = true)
    SpanExporter noExportWithoutEndpoint() {
        return new Discarding();
    }

    /** Accepts every batch and sends nothing anywhere. */
    static final class Discarding implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
