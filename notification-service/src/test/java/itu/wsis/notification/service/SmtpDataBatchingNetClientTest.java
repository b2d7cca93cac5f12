package itu.wsis.notification.service;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sender's mail client with {@link SmtpDataBatchingNetClient} in place, against real servers: the data reaches
 * the server whole and in a few reads, a connection lost during the data fails the dialogue at once, and over TLS the
 * message still goes as before.
 */
class SmtpDataBatchingNetClientTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aMessagesDataReachesTheServerWholeInAFewReadsNotOnePerLine() throws Exception {
        try (ReadCountingSmtpServer server = new ReadCountingSmtpServer()) {
            MailClient client = SmtpDataBatchingNetClient.install(MailClient.create(vertx, new MailConfig()
                    .setHostname("127.0.0.1").setPort(server.port()).setStarttls(StartTLSOptions.DISABLED)
                    .setKeepAlive(true)));
            for (int i = 0; i < 3; i++) {
                client.sendMail(message(i)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }

            assertThat(server.data).hasSize(3);
            for (int i = 0; i < 3; i++) {
                String data = server.data.get(i);
                assertThat(data).contains("Message number " + i).contains("\r\n..a line that starts with a period\r\n")
                        .endsWith("\r\n.\r\n");
                assertThat(data.split("\r\n").length).as("lines of message %d", i).isGreaterThan(150);
            }
            // Line by line, each of the 150 and more lines is a write of its own and the server reads them in tens of
            // reads; batched, the data leaves in one write when its end is written.
            assertThat(server.readsPerData).allMatch(reads -> reads <= 3, "at most 3 reads");
        }
    }

    @Test
    void aServerThatDropsTheConnectionDuringTheDataFailsTheDialogueAtOnceNotAtTheTimeout() throws Exception {
        try (ReadCountingSmtpServer server = new ReadCountingSmtpServer()) {
            server.dropDuringData = true;
            MailClient client = SmtpDataBatchingNetClient.install(MailClient.create(vertx, new MailConfig()
                    .setHostname("127.0.0.1").setPort(server.port()).setStarttls(StartTLSOptions.DISABLED)
                    .setKeepAlive(true)));

            // The writes queued after the 354 cannot reach a closed connection: the dialogue must fail, not wait
            // for a reply that will never come (the sender would then give up only after its SMTP timeout).
            assertThatThrownBy(() -> client.sendMail(message(0)).toCompletionStage().toCompletableFuture()
                    .get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

            server.dropDuringData = false;
            client.sendMail(message(1)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(server.data).as("the next message, on a new connection").hasSize(1);
            assertThat(server.data.get(0)).contains("Message number 1");
        }
    }

    @Test
    void overTlsTheMessageGoesAsBefore() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        greenMail.start();
        try {
            MailClient client = SmtpDataBatchingNetClient.install(MailClient.create(vertx, new MailConfig()
                    .setHostname("127.0.0.1").setPort(greenMail.getSmtps().getPort()).setSsl(true)
                    .setTrustAll(true).setKeepAlive(true)));
            for (int i = 0; i < 2; i++) {
                client.sendMail(message(i)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }

            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(received).hasSize(2);
            String body = GreenMailUtil.getBody(received[1]);
            assertThat(body).contains("Message number 1").contains("\n.a line that starts with a period");
        } finally {
            greenMail.stop();
        }
    }

    private static MailMessage message(int number) {
        StringBuilder text = new StringBuilder("Message number " + number + "\n.a line that starts with a period\n");
        for (int line = 0; line < 160; line++) {
            text.append("Line ").append(line).append(" of the invitation, long enough to be a line of prose.\n");
        }
        return new MailMessage().setFrom("wsis@itu.int").setTo("minister@example.org").setSubject("Invitation")
                .setText(text.toString());
    }

    /** An SMTP server that accepts everything and counts the reads that brought each message's data. */
    private static final class ReadCountingSmtpServer implements AutoCloseable {

        final List<String> data = new CopyOnWriteArrayList<>();
        final List<Integer> readsPerData = new CopyOnWriteArrayList<>();
        /** Reset the connection right after the 354, before any of the data is read. */
        volatile boolean dropDuringData;
        private final ServerSocket socket;

        ReadCountingSmtpServer() throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Thread session = new Thread(() -> serve(client), "read-counting-smtp");
                        session.setDaemon(true);
                        session.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "read-counting-smtp-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(Socket client) {
            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                reply(out, "220 counting ESMTP");
                byte[] buffer = new byte[1 << 16];
                StringBuilder pending = new StringBuilder();
                while (true) {
                    String command = nextLine(in, buffer, pending);
                    if (command == null) {
                        return;
                    }
                    String verb = command.length() >= 4 ? command.substring(0, 4).toUpperCase() : command;
                    switch (verb) {
                        case "EHLO" -> reply(out, "250-counting\r\n250 8BITMIME");
                        case "DATA" -> {
                            reply(out, "354 go ahead");
                            if (dropDuringData) {
                                client.setSoLinger(true, 0);
                                return;
                            }
                            StringBuilder message = new StringBuilder(pending);
                            pending.setLength(0);
                            int reads = 0;
                            while (!message.toString().endsWith("\r\n.\r\n")) {
                                int n = in.read(buffer);
                                if (n < 0) {
                                    return;
                                }
                                reads++;
                                message.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                            }
                            data.add(message.toString());
                            readsPerData.add(reads);
                            reply(out, "250 queued");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 ok");
                    }
                }
            } catch (IOException ignored) {
                // the client went away
            }
        }

        /** The next command line, from what is left of the last read or from new reads. */
        private static String nextLine(InputStream in, byte[] buffer, StringBuilder pending) throws IOException {
            while (pending.indexOf("\r\n") < 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    return null;
                }
                pending.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            int end = pending.indexOf("\r\n");
            String line = pending.substring(0, end);
            pending.delete(0, end + 2);
            return line;
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
