package itu.wsis.planted.shop.service;

/** Planted violation: a *Repository outside the repository. */
public class ThingLookupRepository {
}
