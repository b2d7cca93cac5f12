package itu.wsis.speaking.domain;

/**
 * The lifecycle of a speaking request. A request is born ALLOCATED or WAITLISTED (the allocation runs in the same
 * transaction as the submission), moves between those two while the list is recomputed, and ends WITHDRAWN or
 * REJECTED. The two end states are final: a delegation that wants to speak again submits a new request.
 */
public enum RequestStatus {
    ALLOCATED, WAITLISTED, WITHDRAWN, REJECTED;

    public boolean active() {
        return this == ALLOCATED || this == WAITLISTED;
    }
}
