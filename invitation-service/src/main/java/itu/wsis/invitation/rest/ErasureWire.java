package itu.wsis.invitation.rest;

import itu.wsis.invitation.domain.Erasure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class ErasureWire {

    private ErasureWire() {
    }

    /** Where one service stands: {@code DONE} with what it erased (counts per kind of data), or {@code PENDING}. */
    record ServiceProgressResponse(String service, Erasure.Status status, Instant reportedAt,
                                   Map<String, Integer> erased) {
    }

    /**
     * An erasure request and its progress. {@code status} is {@code DONE} once every service that holds personal
     * data has reported; {@code completedAt} is then the time of the last report.
     */
    record ErasureResponse(UUID id, UUID inviteeId, Instant requestedAt, String requestedBy, List<UUID> invitationIds,
                           Erasure.Status status, Instant completedAt, List<ServiceProgressResponse> services) {

        static ErasureResponse of(Erasure e, List<String> services) {
            return new ErasureResponse(e.id(), e.inviteeId(), e.requestedAt(), e.requestedBy(), e.invitationIds(),
                    e.status(services), e.completedAt(services), e.progress(services).stream()
                    .map(p -> new ServiceProgressResponse(p.service(), p.status(), p.reportedAt(), p.erased())).toList());
        }
    }
}
