package itu.wsis.planted.web.client;

import jakarta.ws.rs.Path;

/** Planted violation: a REST-client interface not named *Api. */
@Path("/things")
public interface ThingClient {
}
