package itu.wsis.system.scenario;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LogScanTest {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void aCleanServiceLogHasNoFinding() {
        String log = """
                2026-12-02 22:50:01,123 INFO  [itu.wsis.support.inbox.Inbox] ReplyRecorded.v1 %s: the database answered again after 3 attempts
                {"timestamp":"2026-12-02T22:50:02Z","level":"WARN","loggerName":"itu.wsis.notification.service.NotificationSender","message":"Notification %s (RECEIPT) failed: smtp","mdc":{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7"}}
                2026-12-02 22:50:03,000 INFO  [io.quarkus] registration-service 1.0.0-SNAPSHOT on JVM (powered by Quarkus 3.33.2) started in 2.104s. Listening on: http://0.0.0.0:8082
                sha256=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4 key ok
                """.formatted(UUID.randomUUID(), UUID.randomUUID());

        assertThat(LogScan.scan("clean.log", log, List.of("Minister Ruritania"))).isEmpty();
    }

    @Test
    void findsAnEmailAddressAndSaysWhere() {
        String log = "line one\n2026-12-02 WARN [x] could not send to minister.ruritania@gov.example.org: 550\n";

        List<LogScan.Finding> findings = LogScan.scan("notification-service-1.log", log, List.of());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("notification-service-1.log");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.kind()).isEqualTo("e-mail address");
        });
    }

    @Test
    void findsAStaffJwt() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9." + B64URL.encodeToString("{\"sub\":\"staff-1\",\"groups\":[\"secretariat\"]}".getBytes())
                + "." + B64URL.encodeToString(new byte[256]);

        assertThat(LogScan.scan("a.log", "DEBUG Authorization: Bearer " + jwt, List.of()))
                .extracting(LogScan.Finding::kind).containsExactly("JWT");
    }

    @Test
    void findsAPersonalLinkTokenSignedWithEd25519() throws Exception {
        var keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] claims = ("{\"inv\":\"" + UUID.randomUUID() + "\",\"exp\":1780000000}").getBytes();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(claims);
        String token = B64URL.encodeToString(claims) + "." + B64URL.encodeToString(signer.sign());

        assertThat(LogScan.scan("a.log", "INFO GET /invitations/x?token=" + token + " 200", List.of()))
                .extracting(LogScan.Finding::kind).containsExactly("personal-link token");
    }

    @Test
    void findsAKnownPersonalValueAnywhereInALine() {
        assertThat(LogScan.scan("a.log", "WARN reply of Minister Ruritania refused", List.of("Minister Ruritania")))
                .extracting(LogScan.Finding::kind).containsExactly("personal value");
    }
}
