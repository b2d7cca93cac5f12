package itu.wsis.planted.shop.repository;

import itu.wsis.planted.shop.config.GoodConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Planted for ServiceArchitectureTest: conforms (the repository may read the configuration). */
@ApplicationScoped
public class ThingRepository {
    GoodConfig config;

    public ThingEntity find() {
        return new ThingEntity();
    }
}
