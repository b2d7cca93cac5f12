package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The secretariat asked for one person's personal data to be erased (invitation-service has erased its own in the
 * same transaction). Every service erases what it holds about {@code invitationIds}, keeps it erased whatever
 * arrives later for them, and answers with {@link PersonalDataErased}. Carries ids only. Key: erasure id.
 */
@JsonClassDescription("The secretariat asked for one person's personal data to be erased (invitation-service erased its own in the same transaction): every service erases what it holds about `invitationIds`, keeps it erased whatever arrives later, and answers with PersonalDataErased. Ids only. Key: the erasure id.")
public record PersonalDataErasureRequested(UUID eventId, Instant occurredAt, UUID erasureId, UUID inviteeId,
                                           List<UUID> invitationIds) implements DomainEvent {

    public static final String TYPE = "PersonalDataErasureRequested.v1";

    public PersonalDataErasureRequested {
        invitationIds = invitationIds == null ? List.of() : List.copyOf(invitationIds);
    }

    @Override
    @JsonIgnore
    public String partitionKey() {
        return erasureId.toString();
    }
}
