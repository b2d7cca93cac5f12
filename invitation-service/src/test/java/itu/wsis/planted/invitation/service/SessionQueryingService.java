package itu.wsis.planted.invitation.service;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/** Planted violation: a native query on a reactive session in a service (the session handed in, not fetched). */
public class SessionQueryingService {

    public Uni<Integer> purge(Mutiny.Session session) {
        return session.createNativeQuery("delete from idempotency_record").executeUpdate();
    }
}
