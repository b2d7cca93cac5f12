package itu.wsis.planted.shop.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import itu.wsis.planted.shop.config.GoodConfig;
import itu.wsis.planted.shop.domain.Thing;
import itu.wsis.planted.shop.repository.ThingRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Planted for ServiceArchitectureTest: conforms. */
@ApplicationScoped
public class ThingService {
    ThingRepository repository;
    GoodConfig config;

    @WithTransaction
    public Thing get() {
        return repository.find().toThing();
    }
}
