package itu.wsis.planted.web.config;

import io.smallrye.config.ConfigMapping;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
@ConfigMapping(prefix = "planted.portal")
public interface PortalConfig {
    int size();
}
