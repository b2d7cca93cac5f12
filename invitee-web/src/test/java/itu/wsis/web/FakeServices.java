package itu.wsis.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Canned answers of the three services' invitee endpoints, for testing this module's rendering and form handling
 * on its own (the real services are exercised by system-tests' InviteeWebBrowserIT). Records what was posted.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    static final UUID ENGLISH = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID ARABIC = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID REVOKED = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID EXPIRED = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    /** Answered 429 by every service, as the services' per-link limit does. */
    static final UUID LIMITED = UUID.fromString("00000000-0000-0000-0000-0000000000f3");
    /** Accepted, with a speaking request whose substitute's rank waits for the secretariat. */
    static final UUID PENDING_RANK = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final List<String> POSTED = new CopyOnWriteArrayList<>();
    /** The X-Forwarded-For of every call the services received, in order. */
    static final List<String> FORWARDED_FOR = new CopyOnWriteArrayList<>();

    private HttpServer server;

    static String token(UUID id) {
        ByteBuffer payload = ByteBuffer.allocate(44);
        payload.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.array()) + "." + b64.encodeToString(new byte[64]);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("wsis.web.invitation-url", base, "wsis.web.registration-url", base,
                "wsis.web.speaking-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        UUID id = parts.length > 2 ? UUID.fromString(parts[2]) : null;
        String link = exchange.getRequestHeaders().getFirst("WSIS-Personal-Link");
        FORWARDED_FOR.add(String.valueOf(exchange.getRequestHeaders().get("X-Forwarded-For")));
        if (id != null && id.equals(LIMITED)) {
            exchange.getResponseHeaders().set("Retry-After", "17");
            send(exchange, 429, "{\"type\":\"urn:wsis:problem:rate-limited\",\"status\":429,\"detail\":\"x\","
                    + "\"retryAfterSeconds\":17}");
            return;
        }
        if (id == null || link == null || !link.equals(token(id))) {
            send(exchange, 401, problem("personal-link-invalid", 401, null));
            return;
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            POSTED.add(path + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(exchange, 201, "{}");
            return;
        }
        if (path.endsWith("/letter")) {
            if (id.equals(REVOKED)) {
                send(exchange, 410, problem("invitation-revoked", 410, "ru"));
            } else if (id.equals(EXPIRED)) {
                // PersonalLinks answers an expired link before any lookup: the invitee's language is unknown.
                send(exchange, 410, problem("personal-link-expired", 410, null));
            } else {
                send(exchange, 200, letter(id, id.equals(ARABIC) ? "ar" : "en",
                        id.equals(ARABIC) ? "Asia/Riyadh" : "Asia/Shanghai"));
            }
        } else if (parts.length == 3) {
            String reply = id.equals(PENDING_RANK) ? """
                    {"version":1,"status":"ACCEPTED","mode":"IN_PERSON","delegation":[],"declineReason":null,
                     "late":false,"recordedAt":"2022-03-22T10:00:00Z","recordedBySecretariat":false}""" : "null";
            send(exchange, 200, """
                    {"invitationId":"%s","deadline":{"date":"2022-04-15","timeZone":"Europe/Zurich",
                     "endsAt":"2022-04-15T22:00:00Z"},"deadlinePassed":false,"reply":%s}""".formatted(id, reply));
        } else if (id.equals(PENDING_RANK) && path.endsWith("/sessions")) {
            send(exchange, 200, "[]");
        } else if (id.equals(PENDING_RANK) && path.endsWith("/speaking-request")) {
            send(exchange, 200, """
                    {"id":"%s","speaker":{"name":"H.E. Envoy","title":"President","rank":"HEAD_OF_STATE",
                     "substitute":true},"preferredSessionIds":[],"statementLanguage":"en","modality":"IN_PERSON",
                     "topic":"Inclusion","submittedAt":"2022-03-23T10:00:00Z","status":"WAITLISTED","seat":null,
                     "waitingPosition":2,"statusReason":null,"rankForPrecedence":"MINISTER",
                     "rankConfirmation":{"status":"PENDING","decidedBy":null,"decidedAt":null,"note":null}}"""
                    .formatted(UUID.randomUUID()));
        } else {
            send(exchange, 404, problem("not-found", 404, null));
        }
    }

    private static String letter(UUID id, String language, String zone) {
        return """
                {"invitationId":"%s","status":"ISSUED","memberState":"CH","preferredLanguage":"%s",
                 "inviteeTimeZone":"%s",
                 "forum":{"code":"WSIS-2022","names":{"en":"WSIS Forum 2022","ar":"منتدى القمة 2022"},
                   "themes":{"en":"ICTs for well-being","ar":"تكنولوجيا المعلومات والاتصالات من أجل الرفاه"},
                   "virtualPhaseStart":"2022-03-15","inPersonStart":"2022-05-30","inPersonEnd":"2022-06-03",
                   "venue":"ITU headquarters, Geneva","format":"HYBRID","timeZone":"Europe/Zurich"},
                 "letter":{"reference":"CL-22/010","revision":1,"letterDate":"2022-03-21",
                   "signatoryName":"Houlin Zhao","signatoryTitle":"Secretary-General","originalLanguage":"en",
                   "texts":{"en":{"subject":"Invitation to the WSIS Forum 2022","body":"Excellency,\\nI have the honour..."}}},
                 "responseDeadline":{"date":"2022-04-15","timeZone":"Europe/Zurich","endsAt":"2022-04-15T22:00:00Z"},
                 "speakingRequestDeadline":{"date":"2022-04-15","timeZone":"Europe/Zurich","endsAt":"2022-04-15T22:00:00Z"}}
                """.formatted(id, language, zone);
    }

    private static String problem(String slug, int status, String language) {
        return "{\"type\":\"urn:wsis:problem:" + slug + "\",\"status\":" + status + ",\"detail\":\"x\""
                + (language == null ? "" : ",\"language\":\"" + language + "\"") + "}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status / 100 == 2 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
