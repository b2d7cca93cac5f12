package itu.wsis.planted.shop.domain;

/** Planted for ServiceArchitectureTest: conforms. */
public record Thing(String name) {
}
