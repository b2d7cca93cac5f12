package itu.wsis.planted.web.client;

import itu.wsis.planted.web.config.PortalConfig;

/** Planted for PlantedViolationsArchitectureTest: conforms (the client reads the configuration). */
public class ApiCalls {
    PortalConfig config;
}
