package itu.wsis.planted.shop.service;

import itu.wsis.planted.shop.rest.ThingResource;

/** Planted violation: a service calls a resource. */
public class RestReachingService {
    ThingResource resource;
}
