package itu.wsis.planted.web.page;

import itu.wsis.planted.web.client.ThingApi;
import itu.wsis.planted.web.i18n.Words;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
public record PageModel(Words words, ThingApi api) {
}
