package itu.wsis.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.EmailAddress;
import io.vertx.ext.mail.mailencoder.EncodedPart;
import io.vertx.ext.mail.mailencoder.MailEncoder;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A measuring instrument, not a client for the services: SMTP on one Vert.x event loop that encodes each message with
 * the mail client's own encoder and writes its envelope in one write (PIPELINING) and its data in another. The Vert.x
 * mail client writes the data line by line instead, waiting for each write to complete before the next
 * (SMTPSendMail.sendBodyLineByLine, about 180 writes for one of the bulk's emails). The difference between the two on
 * the same loop, the same encoding and the same sink is what those writes cost ({@link MailClientFloorPhase}).
 * It handles only what the bench's sink answers: no TLS, no authentication, no refusal but as a failure.
 */
final class OneWriteSmtpClient {

    private final NetSocket socket;
    private final MailConfig config;
    private final Deque<Consumer<String>> awaitingReply = new ArrayDeque<>();

    private OneWriteSmtpClient(NetSocket socket, MailConfig config) {
        this.socket = socket;
        this.config = config;
        socket.handler(RecordParser.newDelimited("\r\n", this::line));
        socket.exceptionHandler(this::fail);
        socket.closeHandler(ignored -> fail(new IllegalStateException("the sink closed the connection")));
    }

    /**
     * Connects from {@code loop} to the host and port of {@code config}, reads the greeting and says EHLO. The
     * messages are encoded with {@code config} as the mail client encodes them (its user agent header, for one).
     */
    static Future<OneWriteSmtpClient> connect(Vertx vertx, Context loop, MailConfig config) {
        Promise<OneWriteSmtpClient> ready = Promise.promise();
        loop.runOnContext(ignored -> {
            NetClient net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
            net.connect(config.getPort(), config.getHostname()).onFailure(ready::fail).onSuccess(socket -> {
                OneWriteSmtpClient client = new OneWriteSmtpClient(socket, config);
                client.expect('2', ready, () -> {
                    client.expect('2', ready, () -> ready.tryComplete(client));
                    socket.write("EHLO bench.example.org\r\n");
                });
            });
        });
        return ready.future();
    }

    /** Sends one message: envelope and DATA in one write, then the encoded message and its end in another. */
    Future<Void> send(MailMessage message) {
        Promise<Void> done = Promise.promise();
        String data = onTheWire(new MailEncoder(message, "bench.example.org", config).encodeMail());
        StringBuilder envelope = new StringBuilder("MAIL FROM:<")
                .append(new EmailAddress(message.getFrom()).getEmail()).append(">\r\n");
        for (String to : message.getTo()) {
            envelope.append("RCPT TO:<").append(to).append(">\r\n");
        }
        envelope.append("DATA\r\n");
        expect('2', done, () -> { });
        for (int i = 0; i < message.getTo().size(); i++) {
            expect('2', done, () -> { });
        }
        expect('3', done, () -> {
            expect('2', done, () -> done.tryComplete());
            socket.write(Buffer.buffer(data.length() + 3).appendString(data).appendString(".\r\n"));
        });
        socket.write(envelope.toString());
        return done.future();
    }

    void close() {
        socket.close();
    }

    private void expect(char status, Promise<?> outcome, Runnable then) {
        awaitingReply.add(line -> {
            if (line.charAt(0) == status) {
                then.run();
            } else {
                outcome.tryFail("the sink answered " + line);
            }
        });
    }

    /** A reply ends with its line whose fourth character is a space ("250 ok"), not a hyphen ("250-PIPELINING"). */
    private void line(Buffer line) {
        String text = line.toString();
        if (text.length() > 3 && text.charAt(3) == '-') {
            return;
        }
        Consumer<String> next = awaitingReply.poll();
        if (next != null) {
            next.accept(text);
        }
    }

    private void fail(Throwable failure) {
        Consumer<String> next;
        while ((next = awaitingReply.poll()) != null) {
            next.accept("--- " + failure.getMessage());
        }
    }

    /**
     * The encoded message as the mail client puts it on the wire (SMTPSendMail.sendMailData), here into one string:
     * each part's headers then a blank line, a multipart's parts each after its boundary and its closing boundary
     * last, a body's lines (the encoder ends them with LF alone) each ended with CRLF, and a line that starts with a
     * period given one more (RFC 5321 4.5.2).
     */
    static String onTheWire(EncodedPart message) {
        StringBuilder wire = new StringBuilder(message.size() + 1024);
        appendPart(message, wire);
        return wire.toString();
    }

    private static void appendPart(EncodedPart part, StringBuilder wire) {
        part.headers().forEach(header -> wire.append(header.getKey()).append(": ").append(header.getValue())
                .append("\r\n"));
        wire.append("\r\n");
        if (part.parts() != null && !part.parts().isEmpty()) {
            for (EncodedPart inner : part.parts()) {
                wire.append("--").append(part.boundary()).append("\r\n");
                appendPart(inner, wire);
            }
            wire.append("--").append(part.boundary()).append("--\r\n");
        } else {
            for (String line : part.body().split("\n")) {
                if (line.startsWith(".")) {
                    wire.append('.');
                }
                wire.append(line).append("\r\n");
            }
        }
    }
}
