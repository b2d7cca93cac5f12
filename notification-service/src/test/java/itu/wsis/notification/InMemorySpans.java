package itu.wsis.notification;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans this service ends, kept in memory for the tracing tests. Quarkus exports to every SpanExporter bean
 * (its "cdi" exporter), so the tests read what a collector would receive (docs/tracing.md).
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
