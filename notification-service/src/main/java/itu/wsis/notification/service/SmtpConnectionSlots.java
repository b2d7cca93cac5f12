package itu.wsis.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * As many SMTP dialogues at once as the mail client's pool has connections, the others waiting here for one.
 * <p>
 * The client's pool has a queue of its own, but a dialogue waiting in it cannot be called off: when the sender gives
 * up on it (the SMTP timeout), it stays queued and still goes when a connection frees, after the sender has scheduled
 * the message again: two copies. A wait here ends with the sender's: a dialogue is started only for a caller still
 * waiting for it, so the client never has to queue one. A dialogue once started runs to its end (the connection's
 * idle timeout bounds it), which is the outcome-unknown window the log records.
 */
final class SmtpConnectionSlots {

    private final int slots;
    private int inUse;
    private final Deque<Runnable> waiting = new ArrayDeque<>();

    SmtpConnectionSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("need at least one connection, got " + slots);
        }
        this.slots = slots;
    }

    /**
     * Starts {@code dialogue} on the caller's Vert.x context once a connection is free, and completes with its
     * outcome. Cancelled before then (a timeout), the dialogue never starts.
     */
    <T> Uni<T> whenFree(Supplier<Future<T>> dialogue) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            // Nothing but a cancellation ends the emitter before its dialogue starts.
            AtomicBoolean givenUp = new AtomicBoolean();
            Runnable start = () -> {
                if (givenUp.get()) {
                    release();
                    return;
                }
                Future<T> running;
                try {
                    running = dialogue.get();
                } catch (RuntimeException e) {
                    release();
                    emitter.fail(e);
                    return;
                }
                running.onComplete(outcome -> {
                    release();
                    if (outcome.succeeded()) {
                        emitter.complete(outcome.result());
                    } else {
                        emitter.fail(outcome.cause());
                    }
                });
            };
            Runnable onItsContext = context == null ? start : () -> context.runOnContext(ignored -> start.run());
            emitter.onTermination(() -> {
                givenUp.set(true);
                synchronized (this) {
                    waiting.remove(onItsContext);
                }
            });
            boolean now;
            synchronized (this) {
                now = inUse < slots;
                if (now) {
                    inUse++;
                } else {
                    waiting.addLast(onItsContext);
                }
            }
            if (now) {
                start.run();
            }
        });
    }

    /** Dialogues started and not ended. */
    synchronized int inUse() {
        return inUse;
    }

    /** Callers waiting for a connection. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                inUse--;
            }
        }
        // The slot passes straight to the next caller, whose dialogue starts on its own context.
        if (next != null) {
            next.run();
        }
    }
}
