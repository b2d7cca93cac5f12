package itu.wsis.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-loop client against real sockets: what it counts, how it times, and that it reuses its connections. */
class OpenLoopTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void everyRequestIsAnsweredAndCountedOverKeptAliveConnectionsWhetherTheBodyHasALengthOrChunks() throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger n = new AtomicInteger();
        server = server((exchange) -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " " + exchange.getRequestHeaders().getFirst("WSIS-Personal-Link"));
            byte[] body = "{\"version\":2}".getBytes(StandardCharsets.UTF_8);
            int i = n.incrementAndGet();
            // Every third answer is chunked (length 0 to the JDK's server), the others carry their length.
            exchange.sendResponseHeaders(i % 5 == 0 ? 200 : 201, i % 3 == 0 ? 0 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }, 4);

        OpenLoop.Outcome o = OpenLoop.run(url(), invitees(10), 100, 60, 0);

        assertThat(o.sent()).isEqualTo(60);
        assertThat(o.created()).isEqualTo(48);
        assertThat(o.unchanged()).isEqualTo(12);
        assertThat(o.failed()).isZero();
        assertThat(o.statuses()).isEqualTo(Map.of(201, 48L, 200, 12L));
        assertThat(o.latencyMicros().getTotalCount()).isEqualTo(60);
        // Connections open while the cold server is slow to answer, and are used again once it answers in time.
        assertThat(clientPorts.size()).as("connections opened for 60 requests").isLessThan(30);
        assertThat(bodies).hasSize(60).allSatisfy(b -> assertThat(b).contains("\"mode\":\"").endsWith(" token"));
        assertThat(o.intendedNanos()).hasSize(10);
        assertThat(o.createdNanos()).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void aStalledServerShowsInTheLatencyOfTheRequestsThatWereDueMeanwhileNotOnlyInTheOneItStalledOn() throws Exception {
        AtomicInteger n = new AtomicInteger();
        // One handler thread: the requests due while the first one sleeps wait behind it in the server.
        server = server(exchange -> {
            if (n.incrementAndGet() == 1) {
                sleep(400);
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        }, 1);

        OpenLoop.Outcome o = OpenLoop.run(url(), invitees(40), 200, 40, 0);

        assertThat(o.created()).isEqualTo(40);
        // Due over 200 ms, all answered only after the 400 ms stall: timed from when each was due, the median
        // request waited at least 200 ms.
        assertThat(o.latencyMicros().getValueAtPercentile(50)).isGreaterThan(200_000);
        assertThat(o.latencyMicros().getMaxValue()).isGreaterThan(390_000);
        assertThat(o.achievedRate()).as("the sender kept its schedule").isGreaterThan(150);
        // Every request waited behind the stall; each is listed with the wall-clock instant it was due.
        long launched = System.currentTimeMillis();
        assertThat(o.slow()).hasSize(40).allSatisfy(s -> {
            assertThat(s.latencyMicros()).isGreaterThan(OpenLoop.SLOW_MICROS);
            assertThat(s.dueEpochMillis()).isBetween(launched - 5_000, launched);
        });
        assertThat(LatencyPhase.slowBySecond(o.slow(), o.sent())).startsWith("40 of 40 requests (100.00 %) over 25 ms");
    }

    @Test
    void aServerThatDropsEveryConnectionFailsEachRequestOnceAndTheRunEnds() throws Exception {
        try (ServerSocket dropping = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!dropping.isClosed()) {
                    try (Socket s = dropping.accept()) {
                        s.getInputStream().read();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            OpenLoop.Outcome o = OpenLoop.run("http://127.0.0.1:" + dropping.getLocalPort(), invitees(5), 100, 10, 0);

            assertThat(o.sent()).isEqualTo(10);
            assertThat(o.failed()).isEqualTo(10);
            assertThat(o.created()).isZero();
            assertThat(o.statuses()).isEqualTo(Map.of(Http1Loop.FAILED, 10L));
        }
    }

    @Test
    void theParserFramesLengthChunksWithTrailersAndCloseDelimitedBodiesArrivingInPieces() {
        assertThat(parse("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nab", "cde")).isEqualTo("201 keep-alive");
        assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", "0\r\nX-T: 1\r\n", "\r\n"))
                .isEqualTo("200 keep-alive");
        assertThat(parse("HTTP/1.1 409 Conflict\r\nconnection: close\r\ncontent-length: 0\r\n\r\n")).isEqualTo("409 close");
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx")).isEqualTo("200 close");
        assertThat(parse("HTTP/1.1 204 No Content\r\n\r\n")).isEqualTo("204 keep-alive");
        assertThat(parse("HTTP/1.1 200 OK\r\n\r\nbody until the end")).isEqualTo("incomplete");
        assertThat(parse("HTTP/1.1 201 Created\r\nContent-Le", "ngth: 2\r\n\r\n", "x")).isEqualTo("incomplete");
    }

    private static String parse(String... pieces) {
        Http1Loop.ResponseParser parser = new Http1Loop.ResponseParser();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        boolean complete = false;
        for (String piece : pieces) {
            buffer.put(piece.getBytes(StandardCharsets.ISO_8859_1));
            complete = parser.complete(buffer);
        }
        return complete ? parser.status + (parser.close ? " close" : " keep-alive") : "incomplete";
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static List<OpenLoop.Invitee> invitees(int n) {
        return IntStream.range(0, n).mapToObj(i -> new OpenLoop.Invitee(UUID.randomUUID(), "token")).toList();
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler, int threads) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", handler);
        s.setExecutor(Executors.newFixedThreadPool(threads));
        s.start();
        return s;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
