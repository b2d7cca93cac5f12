package itu.wsis.planted.shop.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Planted for ServiceArchitectureTest: conforms. */
public class ThingProblemMappers {
    @ServerExceptionMapper
    public Response map(IllegalStateException e) {
        return Response.status(409).build();
    }
}
