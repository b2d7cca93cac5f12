package itu.wsis.planted.shop.domain;

/** Planted violation: named *Entity, not an entity. */
public record PlainEntity(String name) {
}
