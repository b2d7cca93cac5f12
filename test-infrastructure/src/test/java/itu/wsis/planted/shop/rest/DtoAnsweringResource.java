package itu.wsis.planted.shop.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

/** Planted violation: a record it answers with (inside a List) is a *Dto, not a *Response. */
@Path("/dtos")
public class DtoAnsweringResource {

    public record ThingDto(String name) {
    }

    @GET
    public List<ThingDto> list() {
        return List.of();
    }
}
