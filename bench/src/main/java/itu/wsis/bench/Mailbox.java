package itu.wsis.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What reached the bench's SMTP sink over the run: every message, and per invitation the personal link its first
 * email carried (how the bench gets the links an invitee gets) and its address (how a receipt without a link is
 * matched to its invitation).
 */
final class Mailbox implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("[^<>\\s\",]+@[^<>\\s\",]+");

    private final SmtpSink sink;
    private final List<SmtpSink.Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, UUID> invitationByAddress = new ConcurrentHashMap<>();

    Mailbox(int port) throws IOException {
        sink = new SmtpSink(port);
        sink.listen(r -> {
            received.add(r);
            if (r.invitationId() != null && r.token() != null) {
                tokens.putIfAbsent(r.invitationId(), r.token());
                String to = address(r.to());
                if (to != null) {
                    invitationByAddress.putIfAbsent(to, r.invitationId());
                }
            }
        });
    }

    /** The first address of a To header, lower case; null when there is none. */
    static String address(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(header);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    void listen(Consumer<SmtpSink.Received> listener) {
        sink.listen(listener);
    }

    void unlisten(Consumer<SmtpSink.Received> listener) {
        sink.unlisten(listener);
    }

    /** Messages accepted so far, of every kind and origin. */
    long count() {
        return sink.count();
    }

    /** The invitations whose link has been seen so far. */
    Set<UUID> invitations() {
        return Set.copyOf(tokens.keySet());
    }

    String token(UUID invitationId) {
        return tokens.get(invitationId);
    }

    /** The invitation a message is about: from its link, else from its address. */
    UUID invitationOf(SmtpSink.Received r) {
        return r.invitationId() != null ? r.invitationId() : invitationByAddress.get(String.valueOf(address(r.to())));
    }

    /** Where the next message will be in {@link #invitationEmailsSince}. */
    int mark() {
        return received.size();
    }

    /** The messages since {@code mark} that carry a link of an invitation not in {@code known}, in arrival order. */
    List<SmtpSink.Received> invitationEmailsSince(int mark, Set<UUID> known) {
        synchronized (received) {
            return received.subList(mark, received.size()).stream()
                    .filter(m -> m.invitationId() != null && !known.contains(m.invitationId())).toList();
        }
    }

    /** Waits until {@code expected} invitation emails for invitations not in {@code known} have arrived. */
    List<UUID> waitForNewInvitations(Set<UUID> known, int expected, int timeoutSeconds, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            List<UUID> fresh = tokens.keySet().stream().filter(id -> !known.contains(id)).toList();
            if (fresh.size() >= expected) {
                return new ArrayList<>(fresh);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(what + ": only " + tokens.keySet().stream().filter(id -> !known.contains(id)).count()
                + " of " + expected + " invitation emails arrived within " + timeoutSeconds + " s");
    }

    /** Waits until no message has arrived for 4 s (at most 15 minutes). */
    void quiet(String what) throws InterruptedException {
        long last = sink.count();
        long quietSince = System.currentTimeMillis();
        long deadline = System.currentTimeMillis() + 900_000;
        while (System.currentTimeMillis() - quietSince < 4000 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            long now = sink.count();
            if (now != last) {
                last = now;
                quietSince = System.currentTimeMillis();
            }
        }
        System.err.println("bench: drained " + what + " (" + last + " emails so far)");
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }
}
