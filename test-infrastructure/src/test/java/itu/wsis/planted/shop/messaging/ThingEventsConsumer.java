package itu.wsis.planted.shop.messaging;

import itu.wsis.planted.shop.service.ThingService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Planted for ServiceArchitectureTest: conforms. */
@ApplicationScoped
public class ThingEventsConsumer {
    ThingService service;

    @Incoming("things")
    public void consume(String name) {
        service.get();
    }
}
