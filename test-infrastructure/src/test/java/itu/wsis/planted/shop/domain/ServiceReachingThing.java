package itu.wsis.planted.shop.domain;

import itu.wsis.planted.shop.service.ThingService;

/** Planted violation: the domain uses a service. */
public record ServiceReachingThing(ThingService service) {
}
