package itu.wsis.planted.support.time;

import itu.wsis.planted.support.outbox.Outbox;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
public record Clocks(Outbox outbox) {
}
