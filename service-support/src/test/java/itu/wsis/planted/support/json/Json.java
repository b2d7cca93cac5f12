package itu.wsis.planted.support.json;

import itu.wsis.planted.support.text.Words;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
public record Json(Words words) {
}
