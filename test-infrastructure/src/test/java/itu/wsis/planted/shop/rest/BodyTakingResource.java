package itu.wsis.planted.shop.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Planted violation: the record it takes as its body is a *Body, not a *Request. */
@Path("/bodies/{id}")
public class BodyTakingResource {

    public record ThingBody(String name) {
    }

    @POST
    public void create(@PathParam("id") String id, ThingBody body) {
    }
}
