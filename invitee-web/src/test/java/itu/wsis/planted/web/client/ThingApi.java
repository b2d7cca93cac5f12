package itu.wsis.planted.web.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
@Path("/things")
public interface ThingApi {
    @GET
    String things();
}
