package itu.wsis.planted.shop.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Planted violation: its answer is a *Response, but a record nested in it is a *View. */
@Path("/views")
public class ViewNestingResource {

    public record PartView(String name) {
    }

    public record ThingResponse(String name, PartView part) {
    }

    @GET
    public ThingResponse get() {
        return new ThingResponse("thing", new PartView("part"));
    }
}
