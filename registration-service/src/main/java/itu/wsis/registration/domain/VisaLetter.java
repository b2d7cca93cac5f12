package itu.wsis.registration.domain;

import itu.wsis.events.Language;

import java.time.Instant;
import java.util.UUID;

/**
 * What a visa support letter's reference certifies: this member of the delegation, as the reply of that version
 * named them, in that language, issued then. {@code memberName} and {@code memberTitle} are null once the person's
 * data was erased.
 */
public record VisaLetter(String reference, UUID invitationId, int replyVersion, String memberName,
                         String memberTitle, Language language, Instant issuedAt) {
}
