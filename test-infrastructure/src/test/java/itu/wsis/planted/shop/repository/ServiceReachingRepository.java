package itu.wsis.planted.shop.repository;

import itu.wsis.planted.shop.service.ThingService;
import jakarta.enterprise.context.ApplicationScoped;

/** Planted violation: the repository calls a service. */
@ApplicationScoped
public class ServiceReachingRepository {
    ThingService service;
}
