package itu.wsis.planted.web.i18n;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
public enum Words {
    HELLO
}
