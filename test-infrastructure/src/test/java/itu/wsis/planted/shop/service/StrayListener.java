package itu.wsis.planted.shop.service;

import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Planted violation: an event consumer outside messaging. */
public class StrayListener {
    @Incoming("things")
    public void consume(String name) {
    }
}
