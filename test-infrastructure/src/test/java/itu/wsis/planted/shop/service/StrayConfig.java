package itu.wsis.planted.shop.service;

import io.smallrye.config.ConfigMapping;

/** Planted violation: a configuration mapping outside config. */
@ConfigMapping(prefix = "planted.stray")
public interface StrayConfig {
    int size();
}
