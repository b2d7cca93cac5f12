package itu.wsis.planted.support.problem;

import itu.wsis.planted.support.json.Json;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
public record Problems(Json json) {
}
