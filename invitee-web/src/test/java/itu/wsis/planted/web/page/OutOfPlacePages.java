package itu.wsis.planted.web.page;

import jakarta.ws.rs.Path;

/** Planted violation: a resource outside the base package. */
@Path("/elsewhere")
public class OutOfPlacePages {
}
