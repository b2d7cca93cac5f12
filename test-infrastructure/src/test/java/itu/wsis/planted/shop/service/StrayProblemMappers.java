package itu.wsis.planted.shop.service;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Planted violation: an exception mapper outside rest. */
public class StrayProblemMappers {
    @ServerExceptionMapper
    public Response map(IllegalStateException e) {
        return Response.status(409).build();
    }
}
