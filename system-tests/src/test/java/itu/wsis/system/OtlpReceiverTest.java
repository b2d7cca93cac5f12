package itu.wsis.system;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver on its own, without a stack: what ForumScenarioIT's trace step relies on it to keep. */
class OtlpReceiverTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String SPAN = "b7ad6b7169203331";
    static final String PARENT = "00f067aa0ba902b7";

    @Test
    void keepsEverySpanWithItsServiceIdsKindAndAttributes() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            HttpResponse<byte[]> response = post(receiver, request().toByteArray(), false);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ExportTraceServiceResponse.parseFrom(response.body()).hasPartialSuccess()).isFalse();
            assertThat(receiver.trace(TRACE)).singleElement().satisfies(span -> {
                assertThat(span.service()).isEqualTo("notification-service");
                assertThat(span.spanId()).isEqualTo(SPAN);
                assertThat(span.parentSpanId()).isEqualTo(PARENT);
                assertThat(span.name()).isEqualTo("smtp send");
                assertThat(span.kind()).isEqualTo("CLIENT");
                assertThat(span.attributes()).containsEntry("wsis.notification.kind", "REPLY_ACCEPTED")
                        .containsEntry("wsis.notification.attempt", "1");
            });
            assertThat(receiver.rejected()).isEmpty();
        }
    }

    @Test
    void readsGzipBodiesAndRefusesWhatIsNotProtobuf() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(request().toByteArray());
            }
            assertThat(post(receiver, zipped.toByteArray(), true).statusCode()).isEqualTo(200);
            assertThat(receiver.spans()).hasSize(1);

            HttpResponse<byte[]> json = HTTP.send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(json.statusCode()).isEqualTo(415);
            assertThat(receiver.rejected()).hasSize(1);
            assertThat(receiver.spans()).hasSize(1);
        }
    }

    static HttpResponse<byte[]> post(OtlpReceiver receiver, byte[] body, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static ExportTraceServiceRequest request() {
        Span span = Span.newBuilder()
                .setTraceId(bytes(TRACE)).setSpanId(bytes(SPAN)).setParentSpanId(bytes(PARENT))
                .setName("smtp send").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .addAttributes(attribute("wsis.notification.kind",
                        AnyValue.newBuilder().setStringValue("REPLY_ACCEPTED").build()))
                .addAttributes(attribute("wsis.notification.attempt", AnyValue.newBuilder().setIntValue(1).build()))
                .build();
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(attribute("service.name",
                        AnyValue.newBuilder().setStringValue("notification-service").build())))
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(span))).build();
    }

    static KeyValue attribute(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }
}
