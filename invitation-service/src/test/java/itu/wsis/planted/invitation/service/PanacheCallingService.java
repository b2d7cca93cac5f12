package itu.wsis.planted.invitation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Planted violation: a service flushing through Panache itself. */
public class PanacheCallingService {

    public Uni<Void> flush() {
        return Panache.flush();
    }
}
