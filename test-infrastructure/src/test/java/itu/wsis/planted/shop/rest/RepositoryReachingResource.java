package itu.wsis.planted.shop.rest;

import itu.wsis.planted.shop.repository.ThingRepository;
import jakarta.ws.rs.Path;

/** Planted violation: a resource uses the repository. */
@Path("/reaching")
public class RepositoryReachingResource {
    ThingRepository repository;
}
