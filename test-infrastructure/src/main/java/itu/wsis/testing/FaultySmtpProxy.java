package itu.wsis.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real SMTP server's front door that can misbehave the way SMTP servers do: it relays every dialogue to the
 * server behind it (GreenMail), command by command, and on demand answers a transaction with a temporary (4xx) or
 * permanent (5xx) refusal, refuses chosen recipients, or holds back the server's reply to the end of the data, the
 * reply that tells the client its message was accepted. The message is then already at the server, which is the
 * case where a client that gives up on waiting would send it twice. It can also fall silent for good in the middle
 * of a dialogue, the connection left open, as a relay that hangs or a firewall that forgets the connection does.
 * <p>
 * It strips PIPELINING, CHUNKING and STARTTLS from the server's EHLO answer, so that the client sends one command
 * at a time and the proxy can answer each.
 */
public final class FaultySmtpProxy implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket server;
    private final Thread acceptor;
    private final java.util.Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Duration finalReplyDelay = Duration.ZERO;
    private volatile String transactionRefusal;
    private volatile Predicate<String> refusedRecipient = address -> false;
    private volatile String recipientRefusal;
    private final AtomicInteger dataEnded = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean swallowData;
    private final AtomicInteger swallowed = new AtomicInteger();
    private volatile boolean closed;

    private FaultySmtpProxy(int port, int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
        acceptor = new Thread(this::acceptLoop, "faulty-smtp-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on a free port and relays to the SMTP server on {@code targetPort} (127.0.0.1). */
    public static FaultySmtpProxy inFrontOf(int targetPort) {
        return new FaultySmtpProxy(0, targetPort);
    }

    /** Listens on {@code port}. */
    public static FaultySmtpProxy onPort(int port, int targetPort) {
        return new FaultySmtpProxy(port, targetPort);
    }

    private static FaultySmtpProxy shared;

    /** One proxy in front of {@link TestSmtp} for a whole test JVM; tests reset it with {@link #behave()}. */
    public static synchronized FaultySmtpProxy shared() {
        if (shared == null) {
            shared = inFrontOf(TestSmtp.port());
        }
        return shared;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Relays faithfully from now on. */
    public FaultySmtpProxy behave() {
        finalReplyDelay = Duration.ZERO;
        transactionRefusal = null;
        refusedRecipient = address -> false;
        recipientRefusal = null;
        swallowData = false;
        return this;
    }

    /**
     * Swallows the DATA command of the dialogues that reach it from now on, and everything their client sends after
     * it: no reply ever comes, nothing reaches the server, and the connection stays open until the client closes it.
     * Those dialogues stay silent after {@link #behave()}; only new ones are relayed again.
     */
    public FaultySmtpProxy swallowData() {
        swallowData = true;
        return this;
    }

    /** Dialogues whose DATA was swallowed (each waits for a reply that never comes). */
    public int swallowed() {
        return swallowed.get();
    }

    /** Holds the server's reply to the end of the data back this long (the message is at the server meanwhile). */
    public FaultySmtpProxy delayFinalReply(Duration delay) {
        finalReplyDelay = delay;
        return this;
    }

    /** Answers every MAIL FROM with {@code reply}, e.g. "451 4.3.0 Try again later" or "554 5.7.1 Refused". */
    public FaultySmtpProxy refuseTransactions(String reply) {
        transactionRefusal = reply;
        return this;
    }

    /** Answers RCPT TO for the addresses {@code which} accepts with {@code reply}, e.g. "550 5.1.1 No such user". */
    public FaultySmtpProxy refuseRecipients(Predicate<String> which, String reply) {
        recipientRefusal = reply;
        refusedRecipient = which;
        return this;
    }

    /** Dialogues that reached the end of their data (the server has the message). */
    public int messagesAtServer() {
        return dataEnded.get();
    }

    /** Replies to the end of the data that the client received: messages the client knows were accepted. */
    public int acceptancesSeenByClients() {
        return accepted.get();
    }

    /** Commands the proxy refused itself. */
    public int refusals() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> relay(client), "faulty-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    sleepQuietly(50);
                }
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            open.add(target);
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            InputStream fromServer = target.getInputStream();
            OutputStream toServer = target.getOutputStream();
            toClient.write(reply(fromServer, false));
            toClient.flush();
            byte[] line;
            while ((line = readLine(fromClient)) != null) {
                String command = new String(line, StandardCharsets.US_ASCII).trim();
                String verb = command.toUpperCase(Locale.ROOT);
                String refusal = refusalFor(verb, command);
                if (refusal != null) {
                    refused.incrementAndGet();
                    toClient.write((refusal + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    toClient.flush();
                    continue;
                }
                if (verb.equals("DATA") && swallowData) {
                    swallowed.incrementAndGet();
                    while (fromClient.read() != -1) {
                        // silent: what the client sends goes nowhere until it hangs up
                    }
                    return;
                }
                toServer.write(line);
                toServer.flush();
                byte[] answer = reply(fromServer, verb.startsWith("EHLO"));
                toClient.write(answer);
                toClient.flush();
                if (verb.equals("DATA") && answer.length > 0 && answer[0] == '3') {
                    relayData(fromClient, toServer);
                    byte[] finalReply = reply(fromServer, false);
                    dataEnded.incrementAndGet();
                    Duration delay = finalReplyDelay;
                    if (!delay.isZero()) {
                        sleepQuietly(delay.toMillis());
                    }
                    toClient.write(finalReply);
                    toClient.flush();
                    if (finalReply.length > 0 && finalReply[0] == '2') {
                        accepted.incrementAndGet();
                    }
                }
                if (verb.equals("QUIT")) {
                    return;
                }
            }
        } catch (SocketException ignored) {
            // the client or the server hung up: the dialogue is over
        } catch (IOException e) {
            if (!closed) {
                System.err.println("faulty-smtp: " + e);
            }
        } finally {
            open.remove(client);
        }
    }

    private String refusalFor(String verb, String command) {
        if (verb.startsWith("MAIL FROM") && transactionRefusal != null) {
            return transactionRefusal;
        }
        if (verb.startsWith("RCPT TO") && recipientRefusal != null) {
            int lt = command.indexOf('<');
            int gt = command.indexOf('>', lt + 1);
            String address = lt >= 0 && gt > lt ? command.substring(lt + 1, gt) : command.substring(8).trim();
            if (refusedRecipient.test(address)) {
                return recipientRefusal;
            }
        }
        return null;
    }

    /** The message lines, up to and including the lone ".", passed on unchanged (dot-stuffing included). */
    private static void relayData(InputStream fromClient, OutputStream toServer) throws IOException {
        byte[] line;
        while ((line = readLine(fromClient)) != null) {
            toServer.write(line);
            if (line.length <= 3 && new String(line, StandardCharsets.US_ASCII).trim().equals(".")) {
                toServer.flush();
                return;
            }
        }
        throw new SocketException("client hung up during DATA");
    }

    /** One reply, all its lines ("250-..." continues, "250 ..." ends); from EHLO, minus the unwanted extensions. */
    private static byte[] reply(InputStream fromServer, boolean ehlo) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        java.util.List<String> lines = new java.util.ArrayList<>();
        while (true) {
            byte[] line = readLine(fromServer);
            if (line == null) {
                throw new SocketException("server hung up");
            }
            String text = new String(line, StandardCharsets.US_ASCII);
            lines.add(text.replaceAll("[\r\n]+$", ""));
            if (text.length() < 4 || text.charAt(3) != '-') {
                break;
            }
        }
        if (ehlo) {
            lines.removeIf(l -> l.length() > 4 && l.substring(4).toUpperCase(Locale.ROOT)
                    .matches("(PIPELINING|CHUNKING|STARTTLS|SMTPUTF8)\\b.*"));
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String code = l.length() >= 3 ? l.substring(0, 3) : l;
            String rest = l.length() > 4 ? l.substring(4) : "";
            all.write((code + (i == lines.size() - 1 ? " " : "-") + rest + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return all.toByteArray();
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
