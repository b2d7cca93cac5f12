package itu.wsis.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop phases' HTTP/1.1 client: one thread, non-blocking sockets, keep-alive connections opened as the load
 * needs them (one request in flight on each, no pipelining), nothing else. The load generator shares the two cores
 * with what it measures, so what it costs per request is taken from the service: the JDK's {@code HttpClient} (a
 * selector thread, an executor and several futures per exchange) cost the bench's JVM 3.9 ms of CPU per request in
 * the latency run of 2026-12-06, as much as registration-service itself; wrk costs about 0.1 ms.
 *
 * <p>Not thread-safe: every method runs on the thread that drives the load, which waits in {@link #poll} until the
 * next request is due.
 */
final class Http1Loop implements AutoCloseable {

    /** Called once per request, on the loop's thread: the status, or {@link #FAILED} (I/O error, timeout, reset). */
    interface Completion {
        void done(int status, long nanoTime);
    }

    static final int FAILED = -1;

    private record Request(ByteBuffer bytes, Completion completion) {
    }

    private final Selector selector;
    private final List<Target> targets = new ArrayList<>();
    private final long timeoutNanos;
    private int outstanding;
    private long expiredAt;

    /**
     * @param baseUrls               {@code http://host:port} of each instance
     * @param maxConnectionsPerTarget connections opened at most to one instance; requests beyond wait in the client
     *                               (and their latency, counted by the caller from the intended instant, shows it)
     */
    Http1Loop(List<String> baseUrls, int maxConnectionsPerTarget, long timeoutNanos) throws IOException {
        this.selector = Selector.open();
        this.timeoutNanos = timeoutNanos;
        for (String url : baseUrls) {
            URI uri = URI.create(url);
            targets.add(new Target(new InetSocketAddress(uri.getHost(), uri.getPort()), uri.getHost() + ":" + uri.getPort(),
                    maxConnectionsPerTarget));
        }
    }

    /** The bytes of a request with a body; {@code headers} are name-value pairs. */
    ByteBuffer request(int target, String method, String path, String contentType, String body, String... headers) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(targets.get(target).hostHeader).append("\r\nContent-Type: ").append(contentType)
                .append("\r\nContent-Length: ").append(content.length).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] head = b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(head.length + content.length).put(head).put(content).flip();
    }

    /** Sends at once on an idle connection of the target, or a new one, or once one is free. */
    void send(int target, ByteBuffer request, Completion completion) {
        outstanding++;
        Target t = targets.get(target);
        t.waiting.add(new Request(request, completion));
        t.dispatch();
    }

    /** Requests sent or waiting, not yet completed. */
    int outstanding() {
        return outstanding;
    }

    /** Handles whatever the sockets have for at most {@code nanos} (at least one non-blocking look). */
    void poll(long nanos) throws IOException {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        if (millis >= 1) {
            selector.select(this::ready, millis);
        } else {
            selector.selectNow(this::ready);
            if (nanos > 0) {
                // Selector waits are in whole milliseconds: the last fraction is parked, so that the next request
                // leaves on time rather than up to a millisecond late.
                LockSupport.parkNanos(nanos);
                selector.selectNow(this::ready);
            }
        }
        expire(System.nanoTime());
    }

    private void ready(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        try {
            if (key.isValid() && key.isConnectable()) {
                c.channel.finishConnect();
                c.write();
            }
            if (key.isValid() && key.isWritable()) {
                c.write();
            }
            if (key.isValid() && key.isReadable()) {
                c.read();
            }
        } catch (IOException | RuntimeException e) {
            c.fail();
        }
    }

    private void expire(long now) {
        if (now - expiredAt < TimeUnit.MILLISECONDS.toNanos(100)) {
            return;
        }
        expiredAt = now;
        for (Target t : targets) {
            for (Connection c : List.copyOf(t.open)) {
                if (c.current != null && now - c.sentAt > timeoutNanos) {
                    c.fail();
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Target t : targets) {
            for (Connection c : List.copyOf(t.open)) {
                c.closeQuietly();
            }
        }
        selector.close();
    }

    private final class Target {
        final InetSocketAddress address;
        final String hostHeader;
        final int maxConnections;
        final ArrayDeque<Request> waiting = new ArrayDeque<>();
        final ArrayDeque<Connection> idle = new ArrayDeque<>();
        final List<Connection> open = new ArrayList<>();

        Target(InetSocketAddress address, String hostHeader, int maxConnections) {
            this.address = address;
            this.hostHeader = hostHeader;
            this.maxConnections = maxConnections;
        }

        void dispatch() {
            while (!waiting.isEmpty()) {
                Connection c = idle.poll();
                if (c == null) {
                    if (open.size() >= maxConnections) {
                        return;
                    }
                    try {
                        c = new Connection(this);
                    } catch (IOException e) {
                        complete(waiting.poll().completion, FAILED);
                        continue;
                    }
                }
                c.start(waiting.poll());
            }
        }
    }

    private void complete(Completion completion, int status) {
        outstanding--;
        completion.done(status, System.nanoTime());
    }

    private final class Connection {
        final Target target;
        final SocketChannel channel;
        final SelectionKey key;
        final ResponseParser parser = new ResponseParser();
        ByteBuffer in = ByteBuffer.allocate(8192);
        Request current;
        long sentAt;
        boolean connected;

        Connection(Target target) throws IOException {
            this.target = target;
            channel = SocketChannel.open();
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connected = channel.connect(target.address);
                key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, this);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            target.open.add(this);
        }

        void start(Request request) {
            current = request;
            sentAt = System.nanoTime();
            parser.reset();
            in.clear();
            if (channel.isConnected()) {
                try {
                    write();
                } catch (IOException e) {
                    fail();
                }
            }
        }

        void write() throws IOException {
            if (current == null) {
                key.interestOps(SelectionKey.OP_READ);
                return;
            }
            channel.write(current.bytes);
            key.interestOps(current.bytes.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void read() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            int n = channel.read(in);
            if (n < 0) {
                if (current != null && parser.completeAtEof()) {
                    Request done = current;
                    current = null;
                    closeQuietly();
                    complete(done.completion, parser.status);
                    target.dispatch();
                } else {
                    fail();
                }
                return;
            }
            if (current == null || !parser.complete(in)) {
                return;
            }
            Request done = current;
            current = null;
            if (parser.close) {
                closeQuietly();
            } else {
                target.idle.add(this);
            }
            complete(done.completion, parser.status);
            target.dispatch();
        }

        /** The request in flight fails, the connection goes; what waited is sent on another. */
        void fail() {
            Request failed = current;
            current = null;
            closeQuietly();
            if (failed != null) {
                complete(failed.completion, FAILED);
            }
            target.dispatch();
        }

        void closeQuietly() {
            target.open.remove(this);
            target.idle.remove(this);
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a socket that already failed: nothing left to release.
            }
        }
    }

    /**
     * One response at a time: the status line, the headers that frame the body (Content-Length, chunked, or the
     * connection's end), and whether the server closes the connection after it.
     */
    static final class ResponseParser {
        int status;
        boolean close;
        private int bodyStart = -1;
        private long contentLength = -1;
        private boolean chunked;

        void reset() {
            status = 0;
            close = false;
            bodyStart = -1;
            contentLength = -1;
            chunked = false;
        }

        /** Whether the bytes from position 0 to the buffer's position hold a whole response. */
        boolean complete(ByteBuffer buffer) {
            int end = buffer.position();
            if (bodyStart < 0 && !head(buffer, end)) {
                return false;
            }
            if (contentLength >= 0) {
                return end - bodyStart >= contentLength;
            }
            if (chunked) {
                return chunksEnd(buffer, end);
            }
            // Neither length nor chunks: HTTP/1.1 says the body runs to the connection's end, except where there is
            // none by definition.
            if (status == 204 || status == 304 || status / 100 == 1) {
                return true;
            }
            close = true;
            return false;
        }

        boolean completeAtEof() {
            return bodyStart >= 0 && contentLength < 0 && !chunked;
        }

        private boolean head(ByteBuffer b, int end) {
            int headEnd = indexOf(b, 0, end, "\r\n\r\n");
            if (headEnd < 0) {
                return false;
            }
            String head = new String(b.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
                throw new IllegalStateException("not an HTTP/1.x response: " + lines[0]);
            }
            status = Integer.parseInt(statusLine[1]);
            close = statusLine[0].equals("HTTP/1.0");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.endsWith("chunked");
                    case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                    default -> {
                    }
                }
            }
            if (chunked) {
                contentLength = -1;
            }
            bodyStart = headEnd + 4;
            return true;
        }

        /** Walks the chunks from the body's start: complete once the last (size 0) chunk and its trailers are in. */
        private boolean chunksEnd(ByteBuffer b, int end) {
            int at = bodyStart;
            while (true) {
                int lineEnd = indexOf(b, at, end, "\r\n");
                if (lineEnd < 0) {
                    return false;
                }
                String size = new String(b.array(), at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int semicolon = size.indexOf(';');
                long length = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (length == 0) {
                    int trailersEnd = indexOf(b, lineEnd, end, "\r\n\r\n");
                    return trailersEnd >= 0;
                }
                at = lineEnd + 2;
                if (end - at < length + 2) {
                    return false;
                }
                at += (int) length + 2;
            }
        }

        private static int indexOf(ByteBuffer b, int from, int end, String what) {
            byte[] a = b.array();
            outer:
            for (int i = from; i + what.length() <= end; i++) {
                for (int j = 0; j < what.length(); j++) {
                    if (a[i + j] != what.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
