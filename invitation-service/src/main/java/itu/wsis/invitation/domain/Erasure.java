package itu.wsis.invitation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request to erase one person's personal data and what each service reported it erased. It is done when every
 * service that holds personal data has reported.
 */
public record Erasure(UUID id, UUID inviteeId, Instant requestedAt, String requestedBy, List<UUID> invitationIds,
                      List<Report> reports) {

    public enum Status { PENDING, DONE }

    /** One service's report: counts per kind of data. */
    public record Report(String service, Instant reportedAt, Map<String, Integer> erased) {
    }

    /** Where a service stands: its report, or none yet. */
    public record Progress(String service, Status status, Instant reportedAt, Map<String, Integer> erased) {
    }

    public Erasure {
        invitationIds = List.copyOf(invitationIds);
        reports = List.copyOf(reports);
    }

    /** One line per expected service, in the given order, then any other service that reported. */
    public List<Progress> progress(List<String> services) {
        List<Progress> lines = new ArrayList<>();
        for (String service : services) {
            lines.add(reports.stream().filter(r -> r.service().equals(service)).findFirst()
                    .map(r -> new Progress(service, Status.DONE, r.reportedAt(), r.erased()))
                    .orElse(new Progress(service, Status.PENDING, null, null)));
        }
        reports.stream().filter(r -> !services.contains(r.service()))
                .forEach(r -> lines.add(new Progress(r.service(), Status.DONE, r.reportedAt(), r.erased())));
        return lines;
    }

    public Status status(List<String> services) {
        return progress(services).stream().allMatch(p -> p.status() == Status.DONE) ? Status.DONE : Status.PENDING;
    }

    /** When the last expected report arrived; null while any is missing. */
    public Instant completedAt(List<String> services) {
        if (status(services) != Status.DONE) {
            return null;
        }
        return progress(services).stream().map(Progress::reportedAt).max(Instant::compareTo).orElse(requestedAt);
    }
}
