package itu.wsis.invitation.domain;

import java.util.UUID;

public record Invitee(UUID id, InviteeDetails details) {
}
