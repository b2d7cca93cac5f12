package itu.wsis.notification.service;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The sender's own event loops (its lanes, its SMTP loop), and how work is moved onto them and back. */
final class EventLoops {

    private EventLoops() {
    }

    /** A new event-loop context, taken round-robin from Vert.x's event loops. */
    static ContextInternal create(Vertx vertx) {
        return ((VertxInternal) vertx).createEventLoopContext();
    }

    /** Runs {@code work} on a new safe duplicated context of {@code loop}: a session of its own. */
    static <T> Uni<T> onNewDuplicate(ContextInternal loop, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().emitter(emitter -> newSafeDuplicate(loop).runOnContext(ignored ->
                Uni.createFrom().<T>deferred(work).subscribe().with(emitter::complete, emitter::fail)));
    }

    /**
     * As {@link #onNewDuplicate}, and a caller who gives up (cancels, e.g. a timeout) cancels {@code work} too, or keeps
     * it from starting when it has not yet. {@link #onNewDuplicate} lets its work finish: a lane's delivery, once
     * begun, ends its own transactions.
     */
    static <T> Uni<T> onNewDuplicateUntilGivenUp(ContextInternal loop, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean ended = new AtomicBoolean();
            AtomicReference<Cancellable> running = new AtomicReference<>();
            emitter.onTermination(() -> {
                ended.set(true);
                cancel(running);
            });
            newSafeDuplicate(loop).runOnContext(ignored -> {
                if (ended.get()) {
                    return;
                }
                running.set(Uni.createFrom().<T>deferred(work).subscribe().with(emitter::complete, emitter::fail));
                if (ended.get()) {
                    cancel(running);
                }
            });
        });
    }

    private static Context newSafeDuplicate(ContextInternal loop) {
        Context duplicate = VertxContext.createNewDuplicatedContext(loop);
        VertxContextSafetyToggle.setContextSafe(duplicate, true);
        return duplicate;
    }

    private static void cancel(AtomicReference<Cancellable> running) {
        Cancellable work = running.getAndSet(null);
        if (work != null) {
            work.cancel();
        }
    }

    /** {@code work}'s outcome back on {@code context} (when there is one), whose session the caller goes on with. */
    static <T> Uni<T> backOn(Context context, Uni<T> work) {
        return context == null ? work : work.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
