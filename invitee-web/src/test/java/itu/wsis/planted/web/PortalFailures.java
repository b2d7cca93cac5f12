package itu.wsis.planted.web;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
public class PortalFailures {
    @ServerExceptionMapper
    public Response map(IllegalStateException e) {
        return Response.status(409).build();
    }
}
