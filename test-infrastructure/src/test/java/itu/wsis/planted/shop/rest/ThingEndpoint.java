package itu.wsis.planted.shop.rest;

import jakarta.ws.rs.Path;

/** Planted violation: a resource not named *Resource. */
@Path("/endpoint")
public class ThingEndpoint {
}
