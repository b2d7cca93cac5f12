package itu.wsis.planted.shop.messaging;

import itu.wsis.planted.shop.repository.ThingRepository;

/** Planted violation: a consumer uses the repository. */
public class RepositoryReachingConsumer {
    ThingRepository repository;
}
