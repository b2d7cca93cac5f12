package itu.wsis.notification.repository;

import io.micrometer.core.instrument.DistributionSummary;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One statement for many requests: the requests made while the previous statement runs go together in the next one
 * (group commit). With one request at a time nothing waits for company, so an idle sender is as quick as before;
 * under load the lanes' requests share a round trip, and PostgreSQL parses, plans and commits once for all of them
 * (issue #16: the claim renewals and SENT records were a statement each; bench/results/2026-12-05-1773e4f-emails.md
 * measures what sharing them saves, and what it does not).
 * <p>
 * At most one statement runs at a time, so the statement must never wait long: the ones given here skip rows that
 * another transaction holds locked and answer those requests with {@link DeliveryRepository.RowLocked}, to be asked
 * again. A failed statement fails every request of its batch, each as its own statement would have failed.
 * <p>
 * Each answer comes back on its requester's Vert.x context (a lane's), whichever loop ran the statement.
 *
 * @param <Q> one request
 * @param <R> its answer
 */
final class CoalescedStatement<Q, R> {

    private record Waiting<Q, R>(Q request, Context context, UniEmitter<? super R> emitter) {
    }

    private final ConcurrentLinkedQueue<Waiting<Q, R>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final int mostPerStatement;
    private final Function<List<Q>, Uni<List<R>>> statement;
    private final DistributionSummary requestsPerStatement;

    /**
     * @param statement runs one statement for the requests and answers each, in their order
     */
    CoalescedStatement(int mostPerStatement, Function<List<Q>, Uni<List<R>>> statement,
                       DistributionSummary requestsPerStatement) {
        if (mostPerStatement < 1) {
            throw new IllegalArgumentException("mostPerStatement must be at least 1");
        }
        this.mostPerStatement = mostPerStatement;
        this.statement = statement;
        this.requestsPerStatement = requestsPerStatement;
    }

    /** {@code request}'s answer, on {@code context} (the caller's; null: on whichever thread ran the statement). */
    Uni<R> submit(Q request, Context context) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Waiting<>(request, context, emitter));
            runIfIdle();
        });
    }

    private void runIfIdle() {
        while (!queue.isEmpty() && running.compareAndSet(false, true)) {
            List<Waiting<Q, R>> batch = new ArrayList<>();
            for (Waiting<Q, R> next; batch.size() < mostPerStatement && (next = queue.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                running.set(false);
                continue;
            }
            run(batch);
            return;
        }
    }

    private void run(List<Waiting<Q, R>> batch) {
        requestsPerStatement.record(batch.size());
        List<Q> requests = new ArrayList<>(batch.size());
        for (Waiting<Q, R> waiting : batch) {
            requests.add(waiting.request());
        }
        Uni<List<R>> answers;
        try {
            answers = statement.apply(requests);
        } catch (RuntimeException e) {
            answers = Uni.createFrom().failure(e);
        }
        answers.subscribe().with(results -> {
            // The next statement goes before the answers are handed out: the lanes' next requests then find it
            // running and gather behind it.
            next();
            if (results.size() != batch.size()) {
                IllegalStateException wrong = new IllegalStateException(
                        "a coalesced statement gave " + results.size() + " answers to " + batch.size() + " requests");
                batch.forEach(waiting -> answer(waiting, null, wrong));
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                answer(batch.get(i), results.get(i), null);
            }
        }, failure -> {
            next();
            batch.forEach(waiting -> answer(waiting, null, failure));
        });
    }

    private void next() {
        running.set(false);
        runIfIdle();
    }

    private void answer(Waiting<Q, R> waiting, R result, Throwable failure) {
        Runnable hand = failure == null ? () -> waiting.emitter().complete(result)
                : () -> waiting.emitter().fail(failure);
        if (waiting.context() == null) {
            hand.run();
        } else {
            waiting.context().runOnContext(ignored -> hand.run());
        }
    }
}
