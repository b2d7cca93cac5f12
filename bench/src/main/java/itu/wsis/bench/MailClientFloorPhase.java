package itu.wsis.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import itu.wsis.notification.service.SmtpDataBatchingNetClient;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Measure 4's floor (phase 4): notification-service's SMTP client alone, Vert.x's mail client of the same version,
 * sending messages of the bulk's size and shape into the same sink, with nothing else to do: no database, no Kafka, no
 * rendering, no signing. Its rate and the CPU of its event loop per message are what the sender could reach at best
 * on this machine with this client, however lean everything around the dialogue became; the service's rate is
 * compared with it, and it with the sink's raw rate.
 * <p>
 * The client is configured as the service's ({@link #config}: kept-alive pooled connections, no TLS to the local
 * sink, the idle timeout), and measured twice: with the service's batching of each message's data
 * ({@link SmtpDataBatchingNetClient}, as the sender sends now) and without it (as it sent before, the reference for
 * what the batching saves). It is driven as the service drives it: {@link #IN_FLIGHT} dialogues at once from one event
 * loop (SmtpGateway), and also one at a time, which is what smtp-source's one-connection figure compares with.
 */
final class MailClientFloorPhase {

    /** The sender's lanes (wsis.notifications.sender.lanes, default 4): at most this many dialogues at once. */
    static final int IN_FLIGHT = 4;

    private final RunContext ctx;

    MailClientFloorPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    /** A finished run of the client: messages per second, CPU of its event loop per message, bytes at the sink. */
    record Run(double perSecond, double cpuMsPerMessage, double averageBytes) {
    }

    /** The figures, against the sink's raw rate on one connection ({@code sinkReused}, null when not measured). */
    void run(Double sinkReused) throws Exception {
        ctx.load("mail client alone");
        int messages = ctx.p.smtpMessages();
        int warmUp = Math.max(messages / 4, 100);
        Vertx vertx = Vertx.vertx();
        MailConfig config = config(Stack.SINK_PORT);
        MailClient client = MailClient.create(vertx, config);
        MailClient batched = SmtpDataBatchingNetClient.install(MailClient.create(vertx, config));
        List<OneWriteSmtpClient> oneWriteClients = new ArrayList<>();
        try {
            MailMessage message = message(ctx.measured.emailBytes);
            Context loop = vertx.getOrCreateContext();
            List<Function<MailMessage, Future<?>>> mailClient = Collections.nCopies(IN_FLIGHT, client::sendMail);
            // Warm-up: the client's and the JIT's first thousands of messages are not what a running sender pays.
            measure(loop, mailClient, message, warmUp);
            Run together = measure(loop, mailClient, message, messages);
            Run alone = measure(loop, mailClient.subList(0, 1), message, warmUp);
            List<Function<MailMessage, Future<?>>> service = Collections.nCopies(IN_FLIGHT, batched::sendMail);
            measure(loop, service, message, warmUp);
            Run asTheServiceSends = measure(loop, service, message, messages);
            for (int i = 0; i < IN_FLIGHT; i++) {
                oneWriteClients.add(OneWriteSmtpClient.connect(vertx, loop, config)
                        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
            }
            List<Function<MailMessage, Future<?>>> oneWriteEach = oneWriteClients.stream()
                    .<Function<MailMessage, Future<?>>>map(c -> c::send).toList();
            measure(loop, oneWriteEach, message, warmUp);
            Run oneWrite = measure(loop, oneWriteEach, message, messages);
            String shape = "text and HTML alternatives and an .ics attachment, French text (quoted-printable), "
                    + Math.round(together.averageBytes()) + " B on average at the sink";
            ctx.report.figure("4", "Vert.x mail client alone (notification-service's SMTP client, same version), without the data batching, "
                            + IN_FLIGHT + " dialogues at once from one event loop → bench sink", together.perSecond(),
                    "msg/s", "raw rate of the same sink, one connection", sinkReused, "",
                    "the client without the sender's data batching (SmtpDataBatching), as it sent before: no"
                            + " database, Kafka, rendering or signing; " + shape);
            ctx.report.figure("4", "Vert.x mail client alone, one dialogue at a time → bench sink", alone.perSecond(),
                    "msg/s", "raw rate of the same sink, one connection", sinkReused, "",
                    "comparable with smtp-source's one connection");
            ctx.report.figure("4", "Vert.x mail client alone: CPU of its event loop per message, " + IN_FLIGHT
                            + " at once", together.cpuMsPerMessage(), "ms", "", null, "",
                    "ThreadMXBean CPU time of the bench JVM's vert.x event-loop threads (the client's only threads;"
                            + " the sink's threads and the JIT not counted) over " + messages + " messages after "
                            + warmUp + " of warm-up");
            ctx.report.figure("4", "the same client with notification-service's data batching (SmtpDataBatching),"
                            + " as the sender sends now, " + IN_FLIGHT + " dialogues at once → bench sink",
                    asTheServiceSends.perSecond(), "msg/s", "Vert.x mail client alone, " + IN_FLIGHT + " at once",
                    together.perSecond(), "", "the floor of the sender's SMTP client: the data of each message"
                            + " leaves in a few writes instead of one per line");
            ctx.report.figure("4", "the same client with the data batching: CPU of its event loop per message",
                    asTheServiceSends.cpuMsPerMessage(), "ms", "Vert.x mail client alone, " + IN_FLIGHT + " at once",
                    together.cpuMsPerMessage(), "", "measured as the mail client's, after " + warmUp
                            + " of warm-up");
            ctx.report.figure("4", "the same messages, encoded by the same encoder, written in one write each"
                            + " (envelope pipelined) from one event loop, " + IN_FLIGHT + " connections → bench sink",
                    oneWrite.perSecond(), "msg/s", "Vert.x mail client alone, " + IN_FLIGHT + " at once",
                    together.perSecond(), "", "OneWriteSmtpClient, a bench instrument: what the mail client's"
                            + " line-by-line writes of the data cost, by difference");
            ctx.report.figure("4", "the same, written in one write each: CPU of its event loop per message",
                    oneWrite.cpuMsPerMessage(), "ms", "Vert.x mail client alone, " + IN_FLIGHT + " at once",
                    together.cpuMsPerMessage(), "", "measured as the mail client's, after " + warmUp + " of warm-up");
            if (ctx.measured.emailRate > 0) {
                ctx.report.figure("4", "notification-service emails/s (bulk backlog) ÷ its SMTP client alone",
                        ctx.measured.emailRate, "msg/s", "the same client with the data batching, " + IN_FLIGHT
                                + " at once", asTheServiceSends.perSecond(), "",
                        "how far the sender is from what its client can do here");
            }
        } finally {
            oneWriteClients.forEach(OneWriteSmtpClient::close);
            client.close();
            batched.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Sends {@code count} copies of {@code message}, each with a Message-ID of its own, through {@code chains} at once
     * from {@code loop}: each chain sends one message at a time and takes the next when its last one is done.
     */
    private Run measure(Context loop, List<Function<MailMessage, Future<?>>> chains, MailMessage message, int count)
            throws Exception {
        AtomicLong bytes = new AtomicLong();
        AtomicInteger received = new AtomicInteger();
        Consumer<SmtpSink.Received> listener = r -> {
            bytes.addAndGet(r.bytes());
            received.incrementAndGet();
        };
        ctx.mailbox.listen(listener);
        try {
            Promise<Void> done = Promise.promise();
            AtomicInteger started = new AtomicInteger();
            AtomicInteger finished = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long cpuBefore = eventLoopCpuNanos();
            long t0 = System.nanoTime();
            loop.runOnContext(ignored -> chains.forEach(chain -> next(chain, message, count, started, finished,
                    failed, done)));
            done.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu = eventLoopCpuNanos() - cpuBefore;
            if (failed.get() > 0) {
                ctx.report.findings.add("The SMTP client floor (" + chains.size() + " at once): " + failed.get()
                        + " of " + count + " messages failed; its figures count only the others.");
            }
            int sent = count - failed.get();
            return new Run(sent / seconds, cpu / 1e6 / Math.max(1, sent),
                    received.get() == 0 ? 0 : (double) bytes.get() / received.get());
        } finally {
            ctx.mailbox.unlisten(listener);
        }
    }

    /** Sends the next message on {@code chain} when one is left, from the loop its last message completed on. */
    private static void next(Function<MailMessage, Future<?>> chain, MailMessage message, int count,
                             AtomicInteger started, AtomicInteger finished, AtomicInteger failed,
                             Promise<Void> done) {
        int n = started.getAndIncrement();
        if (n >= count) {
            return;
        }
        MailMessage numbered = new MailMessage(message).setHeaders(MultiMap.caseInsensitiveMultiMap()
                .add("Message-ID", "<floor-" + n + "@bench.example.org>")
                .add("Content-Language", "fr"));
        chain.apply(numbered).onComplete(result -> {
            if (result.failed()) {
                failed.incrementAndGet();
            }
            if (finished.incrementAndGet() == count) {
                done.tryComplete();
            } else {
                next(chain, message, count, started, finished, failed, done);
            }
        });
    }

    /**
     * As notification-service configures its client: Quarkus's mailer's settings (pooled, kept alive, no TLS locally)
     * and SmtpGateway's idle timeout of the SMTP timeout (10 minutes).
     */
    static MailConfig config(int port) {
        return new MailConfig()
                .setHostname("127.0.0.1")
                .setPort(port)
                .setStarttls(StartTLSOptions.DISABLED)
                .setKeepAlive(true)
                .setMaxPoolSize(10)
                .setIdleTimeout(600_000)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    private static long eventLoopCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("vert.x-eventloop-thread")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    sum += cpu;
                }
            }
        }
        return sum;
    }

    /**
     * A message shaped as the bulk's invitations: a text and an HTML alternative of French prose (accented, so the
     * client quoted-printable-encodes it, as it does the service's) and a small calendar attachment, its prose sized so
     * that the client puts about {@code bytes} on the wire (never less than one paragraph in each alternative).
     */
    static MailMessage message(int bytes) {
        int prose = bytes / 2;
        MailMessage message = withProse(prose);
        for (int i = 0; i < 4; i++) {
            int encoded = OneWriteSmtpClient.onTheWire(new MailEncoder(message, "bench.example.org", config(25))
                    .encodeMail()).length();
            prose = Math.max(1, (int) ((long) prose * bytes / encoded));
            message = withProse(prose);
        }
        return message;
    }

    private static MailMessage withProse(int prose) {
        String paragraph = "Monsieur le Ministre, j'ai l'honneur de vous inviter au Forum du Sommet mondial sur la "
                + "société de l'information (SMSI), qui se tiendra à Genève, et de vous prier de bien vouloir "
                + "confirmer votre participation, en présentiel ou à distance, avant la date limite indiquée. ";
        StringBuilder text = new StringBuilder(paragraph);
        while (text.length() + paragraph.length() <= prose * 2 / 5) {
            text.append("\n\n").append(paragraph);
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body><p>" + paragraph + "</p>");
        while (html.length() + paragraph.length() <= prose * 3 / 5) {
            html.append("\n<p>").append(paragraph).append("</p>");
        }
        html.append("</body></html>");
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//floor//FR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
                + "UID:floor@bench.example.org\r\nSEQUENCE:0\r\nDTSTART;VALUE=DATE:20270531\r\n"
                + "DTEND;VALUE=DATE:20270603\r\nSUMMARY:Forum du SMSI\r\nLOCATION:Genève\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        return new MailMessage()
                .setFrom("WSIS Forum Secretariat <wsis-info@itu.int>")
                .setTo(List.of("minister@bench.example.org"))
                .setSubject("Invitation : Forum du SMSI")
                .setText(text.toString())
                .setHtml(html.toString())
                .setAttachment(List.of(MailAttachment.create()
                        .setName("invitation.ics")
                        .setContentType("text/calendar; method=REQUEST; charset=UTF-8")
                        .setData(Buffer.buffer(ics))));
    }
}
