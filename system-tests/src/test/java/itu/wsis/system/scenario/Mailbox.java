package itu.wsis.system.scenario;

import itu.wsis.system.SystemStack;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Reads the SMTP server as a recipient would. A background thread polls it every 100 ms and notes when each
 * Message-ID was first seen, which is the arrival time the latency figures use (GreenMail keeps no reliable received
 * date). GreenMail stores one copy per recipient (To and each Cc), so a message is identified by its Message-ID and
 * its copies are counted separately.
 */
public final class Mailbox implements AutoCloseable {

    static final Pattern LINK = Pattern.compile("/r/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    /** One distinct message: what the first copy says, and how many copies the server holds. */
    public record Mail(String messageId, String to, List<String> cc, String language, String subject, String text,
                       Instant firstSeen, int copies) {

        public int recipients() {
            return 1 + cc.size();
        }

        public String token() {
            Matcher matcher = LINK.matcher(text);
            return matcher.find() ? matcher.group(1) : null;
        }
    }

    private record Seen(String to, List<String> cc, String language, String subject, String text, Instant at) {
    }

    private final SystemStack stack;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private volatile Map<String, Integer> copies = Map.of();
    private final Thread poller;
    private volatile boolean running = true;

    public Mailbox(SystemStack stack) {
        this.stack = stack;
        this.poller = new Thread(this::pollLoop, "mailbox-poller");
        poller.setDaemon(true);
        poller.start();
    }

    private void pollLoop() {
        while (running) {
            try {
                poll();
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // GreenMail being restarted under us: look again on the next round.
            }
        }
    }

    private synchronized void poll() {
        Instant now = Instant.now();
        Map<String, Integer> counted = new HashMap<>();
        for (MimeMessage message : stack.receivedMail()) {
            String id = messageId(message);
            counted.merge(id, 1, Integer::sum);
            seen.computeIfAbsent(id, key -> read(message, now));
        }
        copies = counted;
    }

    /** Every distinct message received so far, read afresh from the server. */
    public List<Mail> all() {
        poll();
        List<Mail> mails = new ArrayList<>();
        Map<String, Integer> current = copies;
        current.forEach((id, n) -> {
            Seen s = seen.get(id);
            mails.add(new Mail(id, s.to(), s.cc(), s.language(), s.subject(), s.text(), s.at(), n));
        });
        return mails;
    }

    public int distinctCount() {
        poll();
        return copies.size();
    }

    /** Waits until at least {@code expected} distinct messages arrived; returns when the last of them was seen. */
    public Instant awaitDistinct(int expected, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .alias("at least " + expected + " distinct messages")
                .until(() -> distinctCount() >= expected);
        return all().stream().map(Mail::firstSeen).max(Instant::compareTo).orElseThrow();
    }

    /**
     * Waits until no copy of any message has arrived for {@code quiet}, so that a check that follows sees whatever
     * was still on its way (a second copy, a stray notice) instead of racing it. A burst that keeps arriving extends
     * the wait, up to {@code atMost}; a mailbox that never settles fails here.
     */
    public void awaitQuiet(Duration quiet, Duration atMost) {
        if (quiet.isZero()) {
            return;
        }
        AtomicInteger previous = new AtomicInteger(-1);
        // `during` restarts its window whenever the condition is false, i.e. whenever a copy arrived since the
        // previous poll.
        await().during(quiet).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .alias("no new message for " + quiet)
                .until(() -> {
                    int now = totalCopies();
                    return previous.getAndSet(now) == now;
                });
    }

    /** Copies the server holds, of all messages: any arrival, first or repeated, changes it. */
    private int totalCopies() {
        poll();
        return copies.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }

    static String messageId(MimeMessage message) {
        try {
            return strip(message.getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Message-IDs compared without their angle brackets, as the delivery log may store them either way. */
    public static String strip(String messageId) {
        if (messageId == null) {
            return null;
        }
        String id = messageId.trim();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    private static Seen read(MimeMessage message, Instant at) {
        try {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            List<String> cc = new ArrayList<>();
            var ccs = message.getRecipients(Message.RecipientType.CC);
            if (ccs != null) {
                for (var address : ccs) {
                    cc.add(address.toString());
                }
            }
            String[] languages = message.getHeader("Content-Language");
            return new Seen(to, cc, languages == null ? null : languages[0], message.getSubject(), text(message), at);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text part of a message, decoded (quoted-printable line breaks would split a personal link). */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof MimeMultipart multipart) {
                StringBuilder all = new StringBuilder();
                collect(multipart, all);
                return all.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(MimeMultipart multipart, StringBuilder all) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof MimeMultipart nested) {
                collect(nested, all);
            } else {
                all.append(part).append('\n');
            }
        }
    }

    /** The token's first 16 bytes are the invitation id (docs/adr/0002-personal-link-tokens.md). */
    public static UUID invitationIdOf(String token) {
        ByteBuffer payload = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        return new UUID(payload.getLong(), payload.getLong());
    }
}
