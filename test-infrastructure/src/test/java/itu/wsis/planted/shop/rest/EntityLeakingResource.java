package itu.wsis.planted.shop.rest;

import itu.wsis.planted.shop.repository.ThingEntity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Planted violation: an entity on the wire. */
@Path("/leaking")
public class EntityLeakingResource {
    @GET
    public ThingEntity get() {
        return new ThingEntity();
    }
}
