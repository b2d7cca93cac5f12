package itu.wsis.planted.support.outbox;

import itu.wsis.planted.support.problem.Problems;

/** Planted for PlantedViolationsArchitectureTest: conforms (events may answer problems). */
public record Outbox(Problems problems) {
}
