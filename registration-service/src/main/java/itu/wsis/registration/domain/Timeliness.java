package itu.wsis.registration.domain;

public enum Timeliness {
    ON_TIME, LATE;

    public boolean late() {
        return this == LATE;
    }
}
