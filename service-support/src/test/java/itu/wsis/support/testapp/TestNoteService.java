package itu.wsis.support.testapp;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class TestNoteService {

    private final Outbox outbox;
    private final Clock clock;

    public TestNoteService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Writes a note and its event in one transaction; {@code failAfterWrite} rolls both back. */
    @WithTransaction
    public Uni<UUID> create(String text, boolean failAfterWrite) {
        TestNote note = new TestNote();
        note.id = UUID.randomUUID();
        note.text = text;
        return note.persist()
                .chain(() -> outbox.append(new InvitationRevoked(UUID.randomUUID(), clock.instant(), note.id, text)))
                .chain(() -> failAfterWrite
                        ? Uni.createFrom().failure(ProblemException.conflict("test-rollback", "rolled back on purpose"))
                        : Uni.createFrom().item(note.id));
    }

    public Uni<Void> appendOutsideTransaction() {
        return outbox.append(new InvitationRevoked(UUID.randomUUID(), clock.instant(), UUID.randomUUID(), "x"));
    }
}
