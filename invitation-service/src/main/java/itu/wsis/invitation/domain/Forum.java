package itu.wsis.invitation.domain;

import java.util.UUID;

public record Forum(UUID id, long revision, ForumDetails details) {
}
