package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A letter in one language: its subject and body, and the parts of the paper letter that are written in that
 * language too: the place in the dateline ("Genève"), the addressee line ("Aux Ministres des États Membres de
 * l'UIT") and the signature block (the signatory's name as that language writes it, "赵厚麟", and title,
 * "Secrétaire général"). The last four are optional; an email is written in one language only, so one whose
 * language lacks the signature block is signed with the letter's signatory's name alone, without a title in
 * another language (docs/notifications.md, language fallback).
 */
public record LocalizedText(String subject, String body, String place, String addressee, String signatoryName,
                            String signatoryTitle) {

    /** A text that gives only its subject and body. */
    public LocalizedText(String subject, String body) {
        this(subject, body, null, null, null, null);
    }

    /** Whether this text has the signature block of the letter in its language. */
    @JsonIgnore
    public boolean hasSignature() {
        return signatoryName != null && !signatoryName.isBlank() && signatoryTitle != null
                && !signatoryTitle.isBlank();
    }
}
