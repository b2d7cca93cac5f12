package itu.wsis.planted.web.page;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Planted violation: an exception mapper away from the resource. */
public class StrayFailures {
    @ServerExceptionMapper
    public Response map(IllegalStateException e) {
        return Response.status(409).build();
    }
}
