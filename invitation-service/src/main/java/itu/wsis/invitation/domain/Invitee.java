package itu.wsis.invitation.domain;

import java.time.Instant;
import java.util.UUID;

/** {@code erasedAt} is set once the person's data was erased on request: the personal details are then null. */
public record Invitee(UUID id, InviteeDetails details, Instant erasedAt) {

    public boolean erased() {
        return erasedAt != null;
    }
}
