package itu.wsis.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SMTP server that accepts everything and timestamps each message when its DATA terminator arrives,
 * i.e. at the moment a real relay would answer 250 and take responsibility for it. Every message goes through
 * the same parsing (headers, personal-link token), whether it comes from notification-service or from Postfix's
 * smtp-source, so the raw rate and the service's rate are measured against the same work.
 */
public final class SmtpSink implements AutoCloseable {

    /** One accepted message. {@code invitationId} is read from the personal-link token in the body, if any. */
    public record Received(long nanos, long epochMillis, int bytes, String messageId, String to, String token,
                           UUID invitationId, long dialogueNanos, long idleBeforeNanos, long dataNanos) {
    }

    // base64url payload (44 bytes -> 59 chars) "." base64url signature (64 bytes -> 86 chars).
    private static final Pattern TOKEN = Pattern.compile("/r/([A-Za-z0-9_-]{59})\\.([A-Za-z0-9_-]{86})");

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink-conn");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Received>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong count = new AtomicLong();
    private volatile boolean closed;

    public SmtpSink(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        Thread acceptor = new Thread(this::acceptLoop, "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public void listen(Consumer<Received> listener) {
        listeners.add(listener);
    }

    public void unlisten(Consumer<Received> listener) {
        listeners.remove(listener);
    }

    public long count() {
        return count.get();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("smtp-sink accept: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 bench-sink ESMTP");
            // Where an SMTP client's time goes: idle before MAIL (the client preparing the message), the
            // dialogue from MAIL to the end of DATA, and the DATA transfer alone.
            long idleSince = System.nanoTime();
            long mailAt = idleSince;
            long idleBefore = 0;
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                if (verb.equals("MAIL")) {
                    mailAt = System.nanoTime();
                    idleBefore = mailAt - idleSince;
                }
                switch (verb) {
                    case "EHLO" -> reply(out, "250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        long dataAt = System.nanoTime();
                        byte[] message = readData(in);
                        if (message == null) {
                            return;
                        }
                        long nanos = System.nanoTime();
                        long millis = System.currentTimeMillis();
                        count.incrementAndGet();
                        Received r = parse(message, nanos, millis, nanos - mailAt, idleBefore, nanos - dataAt);
                        for (Consumer<Received> l : listeners) {
                            l.accept(r);
                        }
                        reply(out, "250 2.0.0 queued");
                        idleSince = System.nanoTime();
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to record.
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    /** Bytes up to the lone "." line, dot-unstuffed; null if the connection ends first. */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(16384);
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return data.toByteArray();
            }
            String unstuffed = line.startsWith("..") ? line.substring(1) : line;
            data.write(unstuffed.getBytes(StandardCharsets.ISO_8859_1));
            data.write('\r');
            data.write('\n');
        }
        return null;
    }

    static Received parse(byte[] message, long nanos, long millis, long dialogue, long idleBefore, long data) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        String headers = headerEnd < 0 ? text : text.substring(0, headerEnd);
        String messageId = header(headers, "Message-ID");
        String to = header(headers, "To");
        // Quoted-printable soft line breaks can split the link; undo them before looking for it.
        String body = text.replace("=\r\n", "").replace("=3D", "=");
        Matcher m = TOKEN.matcher(body);
        String token = null;
        UUID invitation = null;
        if (m.find()) {
            token = m.group(1) + "." + m.group(2);
            ByteBuffer payload = ByteBuffer.wrap(Base64.getUrlDecoder().decode(m.group(1)));
            invitation = new UUID(payload.getLong(), payload.getLong());
        }
        return new Received(nanos, millis, message.length, messageId, to, token, invitation, dialogue, idleBefore, data);
    }

    private static String header(String headers, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*)$").matcher(headers);
        return m.find() ? m.group(1).trim() : null;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        connections.shutdownNow();
    }
}
