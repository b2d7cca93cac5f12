package itu.wsis.planted.shop.domain;

import jakarta.ws.rs.core.Response;

/** Planted violation: the domain uses a framework. */
public record FrameworkThing(Response response) {
}
