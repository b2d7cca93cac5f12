package itu.wsis.planted.shop.service;

import jakarta.ws.rs.Path;

/** Planted violation: a resource outside rest. */
@Path("/out-of-place")
public class OutOfPlaceResource {
}
