package itu.wsis.planted.shop.config;

import io.smallrye.config.ConfigMapping;

/** Planted for ServiceArchitectureTest: conforms. */
@ConfigMapping(prefix = "planted")
public interface GoodConfig {
    int size();
}
