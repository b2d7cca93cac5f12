package itu.wsis.notification.service;

import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpConnectionSlotsTest {

    private final List<String> started = new ArrayList<>();
    private final List<Promise<String>> running = new ArrayList<>();

    private Cancellable dialogue(SmtpConnectionSlots slots, String name, AtomicReference<Object> outcome) {
        return slots.whenFree(() -> {
            started.add(name);
            Promise<String> promise = Promise.promise();
            running.add(promise);
            return promise.future();
        }).subscribe().with(outcome::set, outcome::set);
    }

    @Test
    void noMoreDialoguesRunThanThereAreConnectionsAndTheNextStartsWhenOneEnds() {
        SmtpConnectionSlots slots = new SmtpConnectionSlots(2);
        AtomicReference<Object> a = new AtomicReference<>();
        AtomicReference<Object> b = new AtomicReference<>();
        AtomicReference<Object> c = new AtomicReference<>();
        dialogue(slots, "a", a);
        dialogue(slots, "b", b);
        dialogue(slots, "c", c);
        assertThat(started).containsExactly("a", "b");
        assertThat(slots.waiting()).isEqualTo(1);

        running.get(0).complete("250 a");
        assertThat(a.get()).isEqualTo("250 a");
        assertThat(started).containsExactly("a", "b", "c");
        assertThat(slots.inUse()).isEqualTo(2);

        RuntimeException refused = new RuntimeException("451");
        running.get(1).fail(refused);
        running.get(2).complete("250 c");
        assertThat(b.get()).isSameAs(refused);
        assertThat(c.get()).isEqualTo("250 c");
        assertThat(slots.inUse()).isZero();
        assertThat(slots.waiting()).isZero();
    }

    @Test
    void aWaitGivenUpOnNeverStartsItsDialogueAndTheConnectionGoesToTheNext() {
        SmtpConnectionSlots slots = new SmtpConnectionSlots(1);
        AtomicReference<Object> a = new AtomicReference<>();
        AtomicReference<Object> b = new AtomicReference<>();
        AtomicReference<Object> c = new AtomicReference<>();
        dialogue(slots, "a", a);
        Cancellable givenUp = dialogue(slots, "b", b);
        dialogue(slots, "c", c);
        givenUp.cancel();
        assertThat(slots.waiting()).isEqualTo(1);

        running.get(0).complete("250 a");
        assertThat(started).containsExactly("a", "c");
        running.get(1).complete("250 c");
        assertThat(b.get()).isNull();
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void aDialogueThatCannotStartGivesItsConnectionBack() {
        SmtpConnectionSlots slots = new SmtpConnectionSlots(1);
        AtomicReference<Object> broken = new AtomicReference<>();
        slots.whenFree(() -> {
            throw new IllegalStateException("client closed");
        }).subscribe().with(broken::set, broken::set);
        assertThat(broken.get()).isInstanceOf(IllegalStateException.class);
        assertThat(slots.inUse()).isZero();
    }
}
