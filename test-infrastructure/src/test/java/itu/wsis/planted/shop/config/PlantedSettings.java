package itu.wsis.planted.shop.config;

import io.smallrye.config.ConfigMapping;

/** Planted violation: a configuration mapping not named *Config. */
@ConfigMapping(prefix = "planted.settings")
public interface PlantedSettings {
    int size();
}
