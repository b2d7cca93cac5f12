package itu.wsis.speaking.domain;

import java.util.List;

/**
 * The lifecycle of a speaking request. A request is born ALLOCATED or WAITLISTED (the allocation runs in the same
 * transaction as the submission), moves between those two while the list is recomputed, and ends WITHDRAWN or
 * REJECTED. The two end states are final: a delegation that wants to speak again submits a new request.
 */
public enum RequestStatus {
    ALLOCATED, WAITLISTED, WITHDRAWN, REJECTED;

    /** The states of a request that takes part in the allocation. */
    public static final List<RequestStatus> ACTIVE = List.of(ALLOCATED, WAITLISTED);

    public boolean active() {
        return this == ALLOCATED || this == WAITLISTED;
    }
}
