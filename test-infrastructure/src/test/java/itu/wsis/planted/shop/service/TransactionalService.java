package itu.wsis.planted.shop.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;

/** Planted violation: a class-wide transaction. */
@WithTransaction
public class TransactionalService {
}
