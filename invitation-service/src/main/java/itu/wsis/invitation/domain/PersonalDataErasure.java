package itu.wsis.invitation.domain;

import itu.wsis.events.PersonalDataErasureRequested;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erasing one person's personal data here, on the secretariat's request: what this service erases and counts in its
 * own report, and the {@link PersonalDataErasureRequested} that asks every other service to erase theirs. The other
 * services' reports count once each; this service's own report is written with the request, never from the topic.
 */
public final class PersonalDataErasure {

    /** How this service signs its own report, and how it recognises it coming back. */
    public static final String SERVICE = "invitation-service";

    /**
     * What this service holds about the person: whether an e-mail address is stored, how many cc addresses, and the
     * person's invitations with whether each carries a revocation reason (the secretariat's free text about them).
     */
    public record Holdings(UUID inviteeId, boolean email, int ccAddresses, List<Invitation> invitations) {

        public Holdings {
            invitations = List.copyOf(invitations);
        }

        public List<UUID> invitationIds() {
            return invitations.stream().map(Invitation::id).toList();
        }
    }

    /** One invitation of the person. */
    public record Invitation(UUID id, boolean revocationReason) {
    }

    /** The erasure as requested (with this service's own report), and the event to publish. */
    public record Requested(Erasure erasure, PersonalDataErasureRequested event) {

        public Erasure.Report ownReport() {
            return erasure.reports().get(0);
        }
    }

    private PersonalDataErasure() {
    }

    /**
     * The request, once the person's data is erased here: {@code outboxEvents} is how many published events about
     * their invitations were removed from the outbox. Counts are in the order the report lists them.
     */
    public static Requested request(UUID erasureId, Holdings holdings, int outboxEvents, String requestedBy,
                                    Instant now) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put("invitees", 1);
        erased.put("emailAddresses", (holdings.email() ? 1 : 0) + holdings.ccAddresses());
        erased.put("revocationReasons", (int) holdings.invitations().stream()
                .filter(Invitation::revocationReason).count());
        erased.put("outboxEvents", outboxEvents);
        List<UUID> ids = holdings.invitationIds();
        Erasure erasure = new Erasure(erasureId, holdings.inviteeId(), now, requestedBy, ids,
                List.of(new Erasure.Report(SERVICE, now, Map.copyOf(erased))));
        return new Requested(erasure, new PersonalDataErasureRequested(UUID.randomUUID(), now, erasureId,
                holdings.inviteeId(), ids));
    }

    /** A report counts unless it is this service's own, which was written with the request. */
    public static boolean counts(String reportingService) {
        return !SERVICE.equals(reportingService);
    }
}
