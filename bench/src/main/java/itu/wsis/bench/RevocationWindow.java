package itu.wsis.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The revocation window of docs/security-auth.md, measured on a running local stack: for each of {@code --count}
 * issued invitations, two threads keep calling registration- and speaking-request-service with the invitation's
 * personal link while the secretariat revokes it at invitation-service; the window is the time from the revocation's
 * answer (the change is committed) to the first refusal at each service, and the late admissions are the requests
 * sent after that answer that were still admitted. Needs {@code ./wsis up} with a raised per-link limit:
 * <pre>
 * WSIS_RUN_DIR=/tmp/wsis-window WSIS_LINKS_RATE_LIMITS_PER_LINK_PERMITS=1000000 ./wsis up
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) itu.wsis.bench.RevocationWindow \
 *   --run-dir /tmp/wsis-window --count 20
 * </pre>
 */
public final class RevocationWindow {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RevocationWindow() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path run = Path.of(o.getOrDefault("run-dir", ".run"));
        int count = Integer.parseInt(o.getOrDefault("count", "20"));
        Path root = Path.of(o.getOrDefault("root", "."));
        Map<String, String> env = Map.of("WSIS_RUN_DIR", run.toAbsolutePath().toString());
        String token = Proc.run(root, env, List.of("./wsis", "token", "secretariat")).requireOk("./wsis token").out()
                .trim().lines().reduce((a, b) -> b).orElseThrow();
        Api secretariat = new Api(token);
        PrivateKey linkKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64
                .getMimeDecoder().decode(Files.readString(run.resolve("keys/link-private/link-signing-private-key.pem"))
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));

        JsonNode page = secretariat.get("http://localhost:8081/invitations?status=ISSUED&size=" + count);
        List<Long> registration = new ArrayList<>();
        List<Long> speaking = new ArrayList<>();
        int lateTotal = 0;
        for (JsonNode invitation : page.get("items")) {
            UUID id = UUID.fromString(invitation.get("id").asText());
            String link = sign(id, invitation.get("linkVersion").asInt(),
                    Instant.parse(invitation.get("linkExpiresAt").asText()), linkKey);
            Poller reg = new Poller("http://localhost:8082/invitations/" + id, link);
            Poller spk = new Poller("http://localhost:8083/invitations/" + id + "/sessions", link);
            reg.start();
            spk.start();
            reg.awaitAdmitted();
            spk.awaitAdmitted();
            secretariat.post("http://localhost:8081/invitations/" + id + "/revoke",
                    "{\"reason\":\"revocation window measurement\"}");
            long revoked = System.nanoTime();
            reg.revokedAt.set(revoked);
            spk.revokedAt.set(revoked);
            long r = reg.awaitRefused() - revoked;
            long s = spk.awaitRefused() - revoked;
            registration.add(r);
            speaking.add(s);
            lateTotal += reg.late.get() + spk.late.get();
            System.out.printf("%s registration %.1f ms (%d late), speaking-request %.1f ms (%d late)%n", id, r / 1e6,
                    reg.late.get(), s / 1e6, spk.late.get());
        }
        System.out.println("registration-service:     " + summary(registration));
        System.out.println("speaking-request-service: " + summary(speaking));
        System.out.println("requests sent after the revocation's answer and still admitted: " + lateTotal);
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("n=%d p50 %.1f ms, p90 %.1f ms, max %.1f ms", sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.9)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }

    /** The personal-link token format of docs/adr/0002-personal-link-tokens.md. */
    static String sign(UUID id, int version, Instant expiresAt, PrivateKey key) throws Exception {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        byte[] payload = ByteBuffer.allocate(44).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).putInt(version).putLong(expiresAt.getEpochSecond()).put(nonce)
                .array();
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(key);
        ed.update("wsis-personal-link-v1".getBytes(StandardCharsets.US_ASCII));
        ed.update(payload);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(ed.sign());
    }

    /** Calls one endpoint with the link, back to back, until it is refused. */
    static final class Poller extends Thread {
        final String url;
        final String link;
        final AtomicLong revokedAt = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong refusedAt = new AtomicLong();
        final AtomicInteger late = new AtomicInteger();
        final AtomicBoolean admitted = new AtomicBoolean();

        Poller(String url, String link) {
            this.url = url;
            this.link = link;
            setDaemon(true);
        }

        @Override
        public void run() {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("WSIS-Personal-Link", link).GET().build();
            while (true) {
                long sent = System.nanoTime();
                int status;
                try {
                    status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    continue;
                }
                if (status == 200) {
                    admitted.set(true);
                    if (sent > revokedAt.get()) {
                        late.incrementAndGet();
                    }
                } else if (status == 410) {
                    refusedAt.set(System.nanoTime());
                    return;
                } else {
                    throw new IllegalStateException(url + " answered " + status);
                }
            }
        }

        void awaitAdmitted() throws InterruptedException {
            while (!admitted.get()) {
                Thread.sleep(1);
            }
        }

        long awaitRefused() throws InterruptedException {
            join(30_000);
            if (refusedAt.get() == 0) {
                throw new IllegalStateException(url + " still admitted 30 s after the revocation");
            }
            return refusedAt.get();
        }
    }
}
