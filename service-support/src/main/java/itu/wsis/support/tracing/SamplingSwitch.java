package itu.wsis.support.tracing;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.opentelemetry.runtime.AutoConfiguredOpenTelemetrySdkBuilderCustomizer;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Records spans only when something receives them. With no collector configured and no span exporter of the
 * application's own (the tests' in-memory one), every span would be built, filled with attributes, queued in the
 * batch processor and then dropped by {@link SpanExportSwitch}: on the accept that was measurable CPU for nothing
 * (bench/README.md, "Performance levers").
 * <p>
 * Then new traces are sampled out instead: {@code parentbased_always_off} in the SDK's terms. A sampled-out span still
 * has a valid trace id and span id, so the context goes on travelling exactly as before (W3C headers, the outbox
 * rows' and intents' stored traceparent, Kafka headers, the logs' {@code traceId} and {@code spanId}); only the flag
 * in the traceparent says "not sampled". A context that arrives sampled from outside is still honoured, so that a
 * service which exports downstream keeps the whole trace. With an endpoint or an exporter bean, the sampler Quarkus
 * configured is kept untouched. See docs/tracing.md.
 * <p>
 * Quarkus applies every bean of this interface to the SDK's builder when it builds the SDK at startup.
 */
@Singleton
public class SamplingSwitch implements AutoConfiguredOpenTelemetrySdkBuilderCustomizer {

    static final Sampler WHEN_NOTHING_EXPORTS = Sampler.parentBased(Sampler.alwaysOff());

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint")
    Optional<String> endpoint;

    @Override
    public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        if (!somethingExports()) {
            builder.addSamplerCustomizer((configured, properties) -> WHEN_NOTHING_EXPORTS);
        }
    }

    boolean somethingExports() {
        boolean collector = endpoint.filter(e -> !e.isBlank() && !e.equals("none")).isPresent();
        return collector || exporters.stream().anyMatch(e -> !(e instanceof SpanExportSwitch.Discarding));
    }
}
