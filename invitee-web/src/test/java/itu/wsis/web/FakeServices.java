package itu.wsis.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import itu.wsis.web.contract.ContractFilter;
import itu.wsis.web.contract.ServiceContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Canned answers of the three services' invitee endpoints, for testing this module's rendering and form handling
 * on its own (the real services are exercised by system-tests' InviteeWebBrowserIT). Records what was posted.
 * Every request and every answer is checked against the services' published contracts in docs/api
 * ({@link ContractFilter}): a canned answer the real service could not give fails the test that got it.
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
    /** Accepted, with a speaking request allocated a slot in {@link #SESSION}. */
    static final UUID ALLOCATED = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    /** Accepted; speaking-request-service fails (503, its database) when asked for the overview. */
    static final UUID SPEAKING_DOWN = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    /**
     * Accepted, allocated, in Sarajevo (Geneva's clock); every change is refused: 409 request-closed (English detail),
     * a withdrawal 404 speaking-request-not-found.
     */
    static final UUID REFUSING = UUID.fromString("00000000-0000-0000-0000-0000000000c4");
    /** Accepted, allocated; every change fails with a 500. */
    static final UUID FAILING = UUID.fromString("00000000-0000-0000-0000-0000000000c5");
    /** Accepted; speaking-request-service does not know the invitation yet (401 personal-link-not-yet-active). */
    static final UUID SPEAKING_NOT_READY = UUID.fromString("00000000-0000-0000-0000-0000000000c6");
    /** registration-service fails (503) when asked for the invitation: the page's core. */
    static final UUID REGISTRATION_DOWN = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    /** invitation-service opens the link but fails (500) when the page asks for the letter again. */
    static final UUID LETTER_DOWN = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    /** Accepted, allocated; speaking-request-service fails (500) when asked for the overview. */
    static final UUID SESSIONS_DOWN = UUID.fromString("00000000-0000-0000-0000-0000000000d3");
    /** Accepted in person with a delegation of two: a visa support letter for each (a fake PDF). */
    static final UUID IN_PERSON_DELEGATION = UUID.fromString("00000000-0000-0000-0000-0000000000c7");
    /** Accepted remotely with a delegation: no visa support letter. */
    static final UUID REMOTE_DELEGATION = UUID.fromString("00000000-0000-0000-0000-0000000000c8");
    /** What the fake registration-service answers for a visa letter: these bytes, then the member and language. */
    static final String FAKE_PDF = "%PDF-1.7 fake visa letter ";
    /** Accepted, allocated a slot in {@link #SESSION} to speak remotely, live: the seat carries the join link. */
    static final UUID REMOTE_SEAT = UUID.fromString("00000000-0000-0000-0000-0000000000c9");
    /** Accepted, allocated to speak remotely, live, in a session that has no join link yet. */
    static final UUID REMOTE_NO_LINK = UUID.fromString("00000000-0000-0000-0000-0000000000ca");
    /** The forum's first ministerial round table, in the RT_ ones' overview; their seat requests are for it. */
    static final UUID ROUND_TABLE = UUID.fromString("00000000-0000-0000-0000-0000000000b7");
    /** The forum's second round table (in person only, a day later): no RT_ delegation has asked for a seat there. */
    static final UUID ROUND_TABLE_2 = UUID.fromString("00000000-0000-0000-0000-0000000000b8");
    /** Accepted, allocated speaking time; the forum has a round table and the delegation no seat request yet. */
    static final UUID RT_OPEN = UUID.fromString("00000000-0000-0000-0000-0000000000cb");
    /** As {@link #RT_OPEN}; every new request is refused 409 round-table-ministers-only (a Deputy Minister's). */
    static final UUID RT_MINISTERS_ONLY = UUID.fromString("00000000-0000-0000-0000-0000000000cc");
    /** Seated at the round table: seat 5, in person. */
    static final UUID RT_SEATED = UUID.fromString("00000000-0000-0000-0000-0000000000cd");
    /** Number 2 on the round table's waiting list; the only RT_ delegation whose forum has one round table. */
    static final UUID RT_WAITING = UUID.fromString("00000000-0000-0000-0000-0000000000ce");
    /** The seat request was withdrawn (released). */
    static final UUID RT_RELEASED = UUID.fromString("00000000-0000-0000-0000-0000000000cf");
    /** Recorded, not yet placed: waiting without a place on the list (a late request, for the secretariat). */
    static final UUID RT_REQUESTED = UUID.fromString("00000000-0000-0000-0000-0000000000d0");
    /** As {@link #RT_OPEN}, but speaking-request-service fails (503) when asked for the overview. */
    static final UUID RT_SEAT_DOWN = UUID.fromString("00000000-0000-0000-0000-0000000000d4");
    static final String JOIN_URL = "https://meet.example.org/j/hlps-1?pwd=a&b=c";
    static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-00000000005e");
    static final List<String> POSTED = new CopyOnWriteArrayList<>();
    /** Every PUT and DELETE: "METHOD path body". */
    static final List<String> CHANGED = new CopyOnWriteArrayList<>();
    /** The X-Forwarded-For of every call the services received, in order. */
    static final List<String> FORWARDED_FOR = new CopyOnWriteArrayList<>();
    /** Every call the services received, in order: "METHOD path" (the three services share this one address). */
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    /** invitation-, registration- and speaking-request-service, each on its own port. */
    private final List<HttpServer> servers = new ArrayList<>();

    static String token(UUID id) {
        ByteBuffer payload = ByteBuffer.allocate(44);
        payload.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.array()) + "." + b64.encodeToString(new byte[64]);
    }

    @Override
    public Map<String, String> start() {
        // One canned handler answers for the three; each port checks its calls against its own service's docs/api
        // document, so that the client's choice of service is checked too.
        return Map.of("wsis.web.invitation-url", serve("invitation-service"),
                "wsis.web.registration-url", serve("registration-service"),
                "wsis.web.speaking-url", serve("speaking-request-service"));
    }

    private String serve(String service) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle).getFilters().add(new ContractFilter(ServiceContract.of(service)));
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        UUID id = parts.length > 2 ? UUID.fromString(parts[2]) : null;
        String link = exchange.getRequestHeaders().getFirst("WSIS-Personal-Link");
        FORWARDED_FOR.add(String.valueOf(exchange.getRequestHeaders().get("X-Forwarded-For")));
        CALLS.add(exchange.getRequestMethod() + " " + path);
        if (id != null && id.equals(LIMITED)) {
            exchange.getResponseHeaders().set("Retry-After", "17");
            send(exchange, 429, "{\"type\":\"urn:wsis:problem:rate-limited\",\"title\":\"Too many requests\","
                    + "\"status\":429,\"detail\":\"x\",\"retryAfterSeconds\":17}");
            return;
        }
        if (id == null || link == null || !link.equals(token(id))) {
            send(exchange, 401, problem("personal-link-invalid", 401, null));
            return;
        }
        String method = exchange.getRequestMethod();
        boolean accepted = id.equals(PENDING_RANK) || id.equals(ALLOCATED) || id.equals(SPEAKING_DOWN)
                || id.equals(REFUSING) || id.equals(FAILING) || id.equals(SPEAKING_NOT_READY)
                || id.equals(SESSIONS_DOWN) || id.equals(IN_PERSON_DELEGATION) || id.equals(REMOTE_DELEGATION)
                || id.equals(REMOTE_SEAT) || id.equals(REMOTE_NO_LINK) || roundTable(id);
        String query = exchange.getRequestURI().getQuery();
        if (!"GET".equals(method)) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (id.equals(REFUSING) && "DELETE".equals(method)) {
                // Refused as the service refuses to withdraw a request no longer active: it documents no 409 here.
                send(exchange, 404, problem("speaking-request-not-found", 404, null));
                return;
            }
            if (id.equals(REFUSING)) {
                send(exchange, 409, "{\"type\":\"urn:wsis:problem:request-closed\",\"title\":\"Request closed\","
                        + "\"status\":409,\"detail\":\"This request is already WITHDRAWN.\"}");
                return;
            }
            if (id.equals(FAILING)) {
                send(exchange, 500, "{\"type\":\"urn:wsis:problem:internal-error\",\"title\":\"Internal error\","
                        + "\"status\":500,\"detail\":\"Internal error\"}");
                return;
            }
            if (id.equals(RT_MINISTERS_ONLY) && "POST".equals(method)) {
                send(exchange, 409, "{\"type\":\"urn:wsis:problem:round-table-ministers-only\","
                        + "\"title\":\"Ministers only\",\"status\":409,"
                        + "\"detail\":\"The Ministerial Round Table is for ministers only\",\"rank\":\"DEPUTY_MINISTER\"}");
                return;
            }
            if ("POST".equals(method)) {
                POSTED.add(path + " " + body);
                send(exchange, 201, "{}");
            } else {
                CHANGED.add(method + " " + path + (query == null ? "" : "?" + query) + " " + body);
                send(exchange, 200, "{}");
            }
            return;
        }
        if (path.endsWith("/letter")) {
            if (id.equals(LETTER_DOWN)) {
                send(exchange, 500, problem("internal-error", 500, null));
            } else if (id.equals(REVOKED)) {
                send(exchange, 410, problem("invitation-revoked", 410, "ru"));
            } else if (id.equals(EXPIRED)) {
                // PersonalLinks answers an expired link before any lookup: the invitee's language is unknown.
                send(exchange, 410, problem("personal-link-expired", 410, null));
            } else {
                send(exchange, 200, letter(id, id.equals(ARABIC) ? "ar" : "en", id.equals(ARABIC) ? "Asia/Riyadh"
                        : id.equals(REFUSING) ? "Europe/Sarajevo" : "Asia/Shanghai"));
            }
        } else if (path.contains("/visa-letters/")) {
            if (!id.equals(IN_PERSON_DELEGATION)) {
                send(exchange, 409, problem("visa-letter-not-in-person", 409, null));
            } else if (Integer.parseInt(parts[4]) > 2) {
                send(exchange, 404, problem("visa-letter-member-not-found", 404, null));
            } else {
                byte[] pdf = (FAKE_PDF + parts[4] + " " + query).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/pdf");
                exchange.sendResponseHeaders(200, pdf.length);
                exchange.getResponseBody().write(pdf);
                exchange.close();
            }
        } else if (parts.length == 3 && (id.equals(IN_PERSON_DELEGATION) || id.equals(REMOTE_DELEGATION))) {
            send(exchange, 200, """
                    {"invitationId":"%s","deadline":{"date":"2022-04-15","timeZone":"Europe/Zurich",
                     "endsAt":"2022-04-15T22:00:00Z"},"deadlinePassed":false,"reply":
                    {"version":1,"status":"ACCEPTED","mode":"%s","delegation":[
                      {"name":"Aline Dupont","title":"Ministre","email":"aline@example.org","headOfDelegation":true},
                      {"name":"Marc Roy","title":"Conseiller","email":"marc@example.org","headOfDelegation":false}],
                     "declineReason":null,"late":false,"recordedAt":"2022-03-22T10:00:00Z",
                     "recordedBySecretariat":false}}""".formatted(id,
                    id.equals(IN_PERSON_DELEGATION) ? "IN_PERSON" : "REMOTE"));
        } else if (parts.length == 3 && id.equals(REGISTRATION_DOWN)) {
            send(exchange, 503, problem("database-unavailable", 503, null));
        } else if (parts.length == 3) {
            String reply = accepted ? """
                    {"version":1,"status":"ACCEPTED","mode":"IN_PERSON","delegation":[],"declineReason":null,
                     "late":false,"recordedAt":"2022-03-22T10:00:00Z","recordedBySecretariat":false}""" : "null";
            send(exchange, 200, """
                    {"invitationId":"%s","deadline":{"date":"2022-04-15","timeZone":"Europe/Zurich",
                     "endsAt":"2022-04-15T22:00:00Z"},"deadlinePassed":false,"reply":%s}""".formatted(id, reply));
        } else if (id.equals(SPEAKING_NOT_READY)) {
            send(exchange, 401, problem("personal-link-not-yet-active", 401, null));
        } else if (path.endsWith("/speaking-overview")) {
            overview(exchange, id, accepted);
        } else {
            send(exchange, 404, problem("not-found", 404, null));
        }
    }

    private static boolean roundTable(UUID id) {
        return List.of(RT_OPEN, RT_MINISTERS_ONLY, RT_SEATED, RT_WAITING, RT_RELEASED, RT_REQUESTED, RT_SEAT_DOWN)
                .contains(id);
    }

    /**
     * speaking-request-service's GET /invitations/{id}/speaking-overview: the forum's sessions of both kinds (the RT_
     * delegations' forum has two round tables) and the delegation's latest request of each kind.
     */
    private static void overview(HttpExchange exchange, UUID id, boolean accepted) throws IOException {
        if (id.equals(SESSIONS_DOWN)) {
            send(exchange, 500, problem("internal-error", 500, null));
            return;
        }
        if (id.equals(SPEAKING_DOWN) || id.equals(RT_SEAT_DOWN)) {
            send(exchange, 503, problem("database-unavailable", 503, null));
            return;
        }
        if (!accepted) {
            send(exchange, 409, problem("reply-not-accepted", 409, null));
            return;
        }
        List<String> sessions = new ArrayList<>();
        if (!id.equals(PENDING_RANK)) {
            sessions.add("""
                    {"id":"%s","titles":{"en":"Opening ministerial session","fr":"Session ministérielle d'ouverture"},
                     "startsAt":"2022-05-31T07:00:00Z","endsAt":"2022-05-31T10:00:00Z","timeZone":"Europe/Zurich",
                     "capacity":12,"allocated":3,"statementMinutes":5,"modalities":["IN_PERSON"],
                     "kind":"HIGH_LEVEL_POLICY_SESSION"}""".formatted(SESSION));
        }
        if (roundTable(id)) {
            sessions.add("""
                    {"id":"%s","titles":{"en":"Ministerial Round Table: the information society twenty years on",
                      "fr":"Table ronde ministérielle : la société de l'information vingt ans après"},
                      "startsAt":"2022-06-02T14:30:00Z","endsAt":"2022-06-02T16:00:00Z","timeZone":"Europe/Zurich",
                      "capacity":20,"allocated":5,"statementMinutes":5,"modalities":["IN_PERSON","REMOTE_LIVE"],
                      "room":"Room 1","kind":"MINISTERIAL_ROUND_TABLE"}""".formatted(ROUND_TABLE));
            if (!id.equals(RT_WAITING)) {
                sessions.add("""
                    {"id":"%s","titles":{"en":"Ministerial Round Table on resilient connectivity",
                      "fr":"Table ronde ministérielle sur la connectivité résiliente"},
                      "startsAt":"2022-06-03T07:00:00Z","endsAt":"2022-06-03T08:30:00Z","timeZone":"Europe/Zurich",
                      "capacity":12,"allocated":0,"statementMinutes":5,"modalities":["IN_PERSON"],
                      "room":"Room 3","kind":"MINISTERIAL_ROUND_TABLE"}""".formatted(ROUND_TABLE_2));
            }
        }
        List<String> requests = new ArrayList<>();
        String speaking = speakingRequest(id);
        if (speaking != null) {
            requests.add(speaking);
        }
        String seat = roundTable(id) ? seatRequest(id) : null;
        if (seat != null) {
            requests.add(seat);
        }
        send(exchange, 200, "{\"sessions\":[" + String.join(",", sessions) + "],\"requests\":["
                + String.join(",", requests) + "]}");
    }

    /** The delegation's request for speaking time, or null for none. */
    private static String speakingRequest(UUID id) {
        if (id.equals(REMOTE_SEAT) || id.equals(REMOTE_NO_LINK)) {
            return """
                    {"id":"%s","speaker":{"name":"H.E. Mr Kofi Mensah","title":"Minister","rank":"MINISTER",
                     "substitute":false},"preferredSessionIds":["%s"],"statementLanguage":"en",
                     "modality":"REMOTE_LIVE","topic":"Inclusion","submittedAt":"2022-03-23T10:00:00Z",
                     "status":"ALLOCATED","seat":{"sessionId":"%s","position":4,"plannedStart":"2022-05-31T07:25:00Z",
                     "room":"Room 2","remoteJoinUrl":%s},
                     "waitingPosition":null,"statusReason":null,"rankForPrecedence":"MINISTER","rankConfirmation":null,
                     "sessionKind":"HIGH_LEVEL_POLICY_SESSION"}"""
                    .formatted(UUID.randomUUID(), SESSION, SESSION,
                            id.equals(REMOTE_SEAT) ? "\"" + JOIN_URL + "\"" : "null");
        }
        if (id.equals(PENDING_RANK)) {
            return """
                    {"id":"%s","speaker":{"name":"H.E. Envoy","title":"President","rank":"HEAD_OF_STATE",
                     "substitute":true},"preferredSessionIds":[],"statementLanguage":"en","modality":"IN_PERSON",
                     "topic":"Inclusion","submittedAt":"2022-03-23T10:00:00Z","status":"WAITLISTED","seat":null,
                     "waitingPosition":2,"statusReason":null,"rankForPrecedence":"MINISTER",
                     "rankConfirmation":{"status":"PENDING","decidedBy":null,"decidedAt":null,"note":null},
                     "sessionKind":"HIGH_LEVEL_POLICY_SESSION"}"""
                    .formatted(UUID.randomUUID());
        }
        return """
                {"id":"%s","speaker":{"name":"H.E. Ms Amina Diallo","title":"Minister","rank":"MINISTER",
                 "substitute":false},"preferredSessionIds":["%s"],"statementLanguage":"en",
                 "modality":"IN_PERSON","topic":"Inclusion","submittedAt":"2022-03-23T10:00:00Z",
                 "status":"ALLOCATED","seat":{"sessionId":"%s","position":3,"plannedStart":"2022-05-31T07:20:00Z",
                 "room":"Room 2","remoteJoinUrl":null},
                 "waitingPosition":null,"statusReason":null,"rankForPrecedence":"MINISTER","rankConfirmation":null,
                 "sessionKind":"HIGH_LEVEL_POLICY_SESSION"}"""
                .formatted(UUID.randomUUID(), SESSION, SESSION);
    }

    /** The delegation's request for a seat at {@link #ROUND_TABLE}, or null for none; no topic, as the pages send. */
    private static String seatRequest(UUID id) {
        if (id.equals(RT_OPEN) || id.equals(RT_MINISTERS_ONLY)) {
            return null;
        }
        String status = id.equals(RT_SEATED) ? "ALLOCATED" : id.equals(RT_RELEASED) ? "WITHDRAWN" : "WAITLISTED";
        String seat = id.equals(RT_SEATED) ? """
                {"sessionId":"%s","position":5,"plannedStart":"2022-06-02T14:30:00Z","room":"Room 1",
                 "remoteJoinUrl":null}""".formatted(ROUND_TABLE) : "null";
        return """
                {"id":"%s","speaker":{"name":"H.E. Ms Amina Diallo","title":"Minister","rank":"MINISTER",
                 "substitute":false},"preferredSessionIds":["%s"],"statementLanguage":"fr","modality":"IN_PERSON",
                 "topic":null,"submittedAt":"2022-03-24T10:00:00Z","status":"%s","seat":%s,
                 "waitingPosition":%s,"statusReason":null,"rankForPrecedence":"MINISTER","rankConfirmation":null,
                 "sessionKind":"MINISTERIAL_ROUND_TABLE"}"""
                .formatted(UUID.randomUUID(), ROUND_TABLE, status, seat, id.equals(RT_WAITING) ? "2" : "null");
    }

    private static String letter(UUID id, String language, String zone) {
        return """
                {"invitationId":"%s","status":"ISSUED","memberState":"CH","preferredLanguage":"%s",
                 "inviteeTimeZone":"%s",
                 "forum":{"code":"WSIS-2022","names":{"en":"WSIS Forum 2022","ar":"منتدى القمة 2022"},
                   "themes":{"en":"ICTs for well-being","ar":"تكنولوجيا المعلومات والاتصالات من أجل الرفاه"},
                   "virtualPhaseStart":"2022-03-15","inPersonStart":"2022-05-30","inPersonEnd":"2022-06-03",
                   "venue":"ITU headquarters, Geneva","format":"HYBRID","timeZone":"Europe/Zurich",
                   "forumSiteUrl":"https://www.itu.int/net4/wsis/forum/2022/","speakingRequestUrl":
                   "https://www.itu.int/net4/wsis/forum/2022/HighLevel?x=1&y=2","partnershipUrl":
                   "https://www.itu.int/go/wsisfund"},
                 "letter":{"reference":"CL-22/010","revision":1,"letterDate":"2022-03-21",
                   "signatoryName":"Houlin Zhao","signatoryTitle":"Secretary-General","originalLanguage":"en",
                   "contactName":"Gitanjali Sah","contactEmail":"wsis-info@itu.int","contactPhone":"+41 22 730 5111",
                   "texts":{"en":{"subject":"Invitation to the WSIS Forum 2022","body":"Excellency,\\nI have the honour..."}}},
                 "responseDeadline":{"date":"2022-04-15","timeZone":"Europe/Zurich","endsAt":"2022-04-15T22:00:00Z"},
                 "speakingRequestDeadline":{"date":"2022-04-15","timeZone":"Europe/Zurich","endsAt":"2022-04-15T22:00:00Z"}}
                """.formatted(id, language, zone);
    }

    private static String problem(String slug, int status, String language) {
        return "{\"type\":\"urn:wsis:problem:" + slug + "\",\"title\":\"" + slug + "\",\"status\":" + status
                + ",\"detail\":\"x\""
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
