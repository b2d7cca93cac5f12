package itu.wsis.planted.shop.messaging;

import io.quarkus.hibernate.reactive.panache.common.WithSession;

/** Planted violation: a consumer opens a session. */
public class SessionConsumer {
    @WithSession
    public void consume(String name) {
    }
}
