package itu.wsis.planted.shop.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Planted violation: a resource opens the transaction. */
@Path("/transactional")
public class TransactionalResource {
    @WithTransaction
    @POST
    public void post() {
    }
}
