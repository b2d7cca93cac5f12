package itu.wsis.planted.shop.rest;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** Conforms: {@code Label} is a part of both the request and the answer, so it carries neither suffix. */
@Path("/shared")
public class SharedPartResource {

    public record Label(String text) {
    }

    public record LabelRequest(Label label) {
    }

    public record LabelResponse(Label label, int revision) {
    }

    @PUT
    public LabelResponse update(LabelRequest body) {
        return new LabelResponse(body.label(), 1);
    }
}
