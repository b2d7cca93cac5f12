package itu.wsis.planted.shop.domain;

import itu.wsis.planted.shop.config.GoodConfig;

/** Planted violation: the domain reads the configuration. */
public record ConfigReadingThing(GoodConfig config) {
}
