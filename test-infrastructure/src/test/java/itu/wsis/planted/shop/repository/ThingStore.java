package itu.wsis.planted.shop.repository;

import jakarta.enterprise.context.ApplicationScoped;

/** Planted violation: a repository bean not named *Repository. */
@ApplicationScoped
public class ThingStore {
}
