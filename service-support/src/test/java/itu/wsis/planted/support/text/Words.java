package itu.wsis.planted.support.text;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
public record Words(String text) {
}
