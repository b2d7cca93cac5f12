package itu.wsis.planted.shop.rest;

import itu.wsis.planted.shop.config.GoodConfig;
import itu.wsis.planted.shop.domain.Thing;
import itu.wsis.planted.shop.service.ThingService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Planted for ServiceArchitectureTest: conforms. */
@Path("/things")
public class ThingResource {
    ThingService service;
    GoodConfig config;

    @GET
    public Thing get() {
        return service.get();
    }
}
