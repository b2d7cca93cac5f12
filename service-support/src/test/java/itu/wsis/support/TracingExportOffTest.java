package itu.wsis.support;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
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
 * (docs/tracing.md).
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
}
