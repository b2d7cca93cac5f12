package itu.wsis.support;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.support.tracing.TraceContexts;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without WSIS_OTLP_ENDPOINT nothing is exported and nothing connects: Quarkus's default collector address
 * (localhost:4317) is listened on here, spans are ended (an HTTP request, one of our own), and no connection comes
 * within many times the batch delay (50 ms in tests). The only span exporter is the discarding switch
 * (docs/tracing.md). Nor is anything recorded for nothing: new traces are sampled out, while their context travels.
 */
@QuarkusTest
@SupportTest
class TracingExportOffTest {

    @Inject
    Instance<SpanExporter> exporters;

    @Inject
    Tracer tracer;

    @Test
    void withoutAnEndpointNoSpanLeavesAndNoConnectionIsAttempted() throws IOException {
        assertThat(exporters.stream().map(e -> e.getClass().getName()))
                .containsExactly("itu.wsis.support.tracing.SpanExportSwitch$Discarding");

        try (ServerSocket collector = new ServerSocket(4317, 50, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(2_000);
            given().when().get("/test-notes/no-such-note").then().statusCode(401);
            Span span = tracer.spanBuilder("export-off-check").startSpan();
            span.end();
            assertThatThrownBy(() -> {
                try (Socket ignored = collector.accept()) {
                    // a connection: the exporter tried to send
                }
            }).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void withoutAnEndpointNewTracesAreNotRecordedButTheirContextStillTravels() {
        Span span = tracer.spanBuilder("unexported").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            assertThat(span.isRecording()).isFalse();
            assertThat(span.getSpanContext().isValid()).isTrue();
            assertThat(TraceContexts.current()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00")
                    .contains(span.getSpanContext().getTraceId());
        } finally {
            span.end();
        }

        // A context that arrives sampled (an upstream that exports) is honoured: the trace stays whole downstream.
        Span child = tracer.spanBuilder("downstream")
                .setParent(TraceContexts.parent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).startSpan();
        assertThat(child.isRecording()).isTrue();
        assertThat(child.getSpanContext().getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        child.end();
    }
}
