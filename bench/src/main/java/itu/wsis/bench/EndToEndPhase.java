package itu.wsis.bench;

import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Measure 3 (phase 9): accept → receipt accepted by SMTP at 50% of (b), open loop, each invitation once, and the
 * path per hop from the timestamps the system already stores (docs/capacity.md, "Per-hop timestamps"): the 201
 * (after the commit), registration's outbox row marked published (after the broker's acknowledgement),
 * notification's inbox row (the consuming transaction), the intent's creation, and the DATA terminator at the sink.
 */
final class EndToEndPhase {

    static final String[] HOPS = {"request → 201 (the transaction committed)", "201 → outbox row marked published (relay poll,"
            + " Kafka acknowledgement)", "published → notification's inbox row (consume; the consumer may start before"
            + " the relay marks its row, hence negative values)", "inbox → intent created", "intent → DATA accepted at"
            + " the SMTP sink (sender wake-up, rendering, signing, SMTP)", "SMTP accepted → SENT recorded (after the"
            + " fact; not on the path)"};

    private final RunContext ctx;

    EndToEndPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    void run(List<OpenLoop.Invitee> invitees, double sustainedRate) throws Exception {
        Report report = ctx.report;
        ctx.load("end to end");
        double rate = Math.max(1, sustainedRate / 2);
        int count = (int) Math.min(invitees.size(), Math.max(ctx.p.e2eCount(), Math.round(rate * ctx.p.e2eSeconds())));
        List<OpenLoop.Invitee> who = invitees.subList(0, count);
        Set<UUID> ids = new HashSet<>();
        who.forEach(w -> ids.add(w.invitationId()));
        Map<UUID, Long> arrived = new ConcurrentHashMap<>();
        Consumer<SmtpSink.Received> l = r -> {
            UUID id = ctx.mailbox.invitationOf(r);
            if (id != null && ids.contains(id)) {
                arrived.putIfAbsent(id, r.nanos());
            }
        };
        Instant epoch = Instant.now();
        long nanoBase = System.nanoTime();
        long epochMicrosBase = epoch.getEpochSecond() * 1_000_000 + epoch.getNano() / 1000;
        String phaseStart = Instant.now().minusSeconds(1).toString();
        ctx.mailbox.listen(l);
        OpenLoop.Outcome o = OpenLoop.run(List.of(Stack.REG), who, rate, who.size(), 0, ctx.modes, new OpenLoop.Progress());
        long deadline = System.currentTimeMillis() + 120_000;
        while (arrived.size() < o.created() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        ctx.mailbox.unlisten(l);
        Histogram h = new Histogram(600_000_000L, 3);
        for (Map.Entry<UUID, Long> e : o.intendedNanos().entrySet()) {
            Long at = arrived.get(e.getKey());
            if (at != null) {
                h.recordValue(Math.max(0, (at - e.getValue()) / 1000));
            }
        }
        String note = String.format(Locale.ROOT, "at 50%% of (b): %.1f accepts/s, %d accepts (%d × 201), %d receipt emails"
                + " matched by invitation (link or address)", rate, o.sent(), o.created(), h.getTotalCount());
        report.figure("3", "accept → receipt email accepted by SMTP, p50", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(50) / 1000.0,
                "ms", "", null, "", note);
        report.figure("3", "accept → receipt email accepted by SMTP, p99", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(99) / 1000.0,
                "ms", "", null, "< 500 ms", "");
        report.evidence.put("end-to-end histogram (µs)", Report.percentiles(h));
        hops(o, arrived, ids, nanoBase, epochMicrosBase, phaseStart);
    }

    private void hops(OpenLoop.Outcome o, Map<UUID, Long> arrived, Set<UUID> ids, long nanoBase, long epochMicrosBase,
                      String phaseStart) {
        Stack stack = ctx.stack;
        Report report = ctx.report;
        String in = ids.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElse("null");
        // Registration: the outbox row of the reply's event (created_at: the transaction's start; published_at: set
        // once the broker acknowledged it).
        Proc.Result reg = stack.psql("registration", "select message_key, event_id, (extract(epoch from created_at) * 1e6)::bigint,"
                + " (extract(epoch from published_at) * 1e6)::bigint from outbox_event where message_key in (" + in + ")"
                + " and event_type in ('InvitationAccepted.v1', 'ReplyChanged.v1') and created_at >= timestamptz '" + phaseStart
                + "' order by id");
        Proc.Result inbox = stack.psql("notification", "select event_id, (extract(epoch from processed_at) * 1e6)::bigint"
                + " from inbox_processed_event where processed_at >= timestamptz '" + phaseStart + "'");
        // inserted_at (V6__intent_inserted_at.sql): the database's wall clock. created_at and sent_at are business
        // time, which the local stack runs in 2022: only their difference is used (the time from SMTP accepted to
        // SENT recorded, which is off the path).
        Proc.Result intents = stack.psql("notification", "select invitation_id, (extract(epoch from min(inserted_at)) * 1e6)::bigint,"
                + " (extract(epoch from min(sent_at - created_at)) * 1e6)::bigint from notification where invitation_id in (" + in + ")"
                + " and kind in ('REPLY_ACCEPTED', 'REPLY_CHANGED') and inserted_at >= timestamptz '" + phaseStart + "'"
                + " group by invitation_id");
        if (reg.exit() != 0 || inbox.exit() != 0 || intents.exit() != 0) {
            report.evidence.put("end to end per hop", "NOT MEASURED: " + Proc.tail(reg.out() + inbox.out() + intents.out(), 1000));
            return;
        }
        Map<UUID, long[]> outbox = new HashMap<>();
        Map<UUID, String> eventOf = new HashMap<>();
        for (String line : reg.out().lines().filter(x -> !x.isBlank()).toList()) {
            String[] f = line.split("\\|", -1);
            UUID id = UUID.fromString(f[0]);
            if (!outbox.containsKey(id) && !f[3].isEmpty()) {
                outbox.put(id, new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
                eventOf.put(id, f[1]);
            }
        }
        Map<String, Long> consumed = new HashMap<>();
        for (String line : inbox.out().lines().filter(x -> !x.isBlank()).toList()) {
            String[] f = line.split("\\|", -1);
            consumed.put(f[0], Long.parseLong(f[1]));
        }
        Map<UUID, long[]> intent = new HashMap<>();
        for (String line : intents.out().lines().filter(x -> !x.isBlank()).toList()) {
            String[] f = line.split("\\|", -1);
            intent.put(UUID.fromString(f[0]), new long[] {Long.parseLong(f[1]), f[2].isEmpty() ? -1 : Long.parseLong(f[2])});
        }
        List<List<Double>> hops = new ArrayList<>();
        for (int i = 0; i < HOPS.length; i++) {
            hops.add(new ArrayList<>());
        }
        int complete = 0;
        for (UUID id : ids) {
            Long intended = o.intendedNanos().get(id);
            Long created = o.createdNanos().get(id);
            Long smtp = arrived.get(id);
            long[] ob = outbox.get(id);
            long[] it = intent.get(id);
            Long cons = ob == null ? null : consumed.get(eventOf.get(id));
            if (intended == null || created == null || smtp == null || ob == null || it == null || cons == null) {
                continue;
            }
            complete++;
            long t0 = epochMicrosBase + (intended - nanoBase) / 1000;
            long t1 = epochMicrosBase + (created - nanoBase) / 1000;
            long t5 = epochMicrosBase + (smtp - nanoBase) / 1000;
            long[] t = {t0, t1, ob[1], cons, it[0], t5};
            for (int i = 0; i < 5; i++) {
                hops.get(i).add((t[i + 1] - t[i]) / 1000.0);
            }
            if (it[1] >= 0) {
                // sent_at − created_at (both business time) minus the part of it before the SMTP acceptance.
                hops.get(5).add((it[1] - (t5 - it[0])) / 1000.0);
            }
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d of %d accepts with every timestamp (ms):%n", complete,
                ids.size()));
        for (int i = 0; i < HOPS.length; i++) {
            List<Double> v = hops.get(i);
            v.sort(Double::compare);
            b.append(String.format(Locale.ROOT, "  %-150s p50 %8.1f  p99 %8.1f  max %8.1f%n", HOPS[i], pct(v, 50), pct(v, 99),
                    v.isEmpty() ? Double.NaN : v.get(v.size() - 1)));
            if (i < 5 && !v.isEmpty()) {
                report.figure("3", "  hop: " + HOPS[i] + ", p99", pct(v, 99), "ms", "", null, "",
                        String.format(Locale.ROOT, "p50 %.1f ms; %d accepts with every timestamp", pct(v, 50), complete));
            }
        }
        b.append("Clocks: the bench's (System.nanoTime mapped to the epoch once) and PostgreSQL's (outbox published_at and inbox"
                + " processed_at: now(); intent inserted_at: clock_timestamp()) are the same host clock. The services' business"
                + " clock (created_at, sent_at) runs from 2022 in the local stack: only sent_at − created_at is used.\n");
        report.evidence.put("end to end per hop", b.toString());
    }

    /** The p-th percentile of sorted values (nearest rank); NaN when there are none. */
    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
