package itu.wsis.registration.rest;

import itu.wsis.events.Language;
import itu.wsis.registration.domain.VisaLetters;
import itu.wsis.registration.service.VisaLetterService;
import itu.wsis.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

final class VisaLetterWire {

    static final String PDF = "application/pdf";
    static final String REFERENCE_HEADER = "WSIS-Visa-Letter-Reference";

    private VisaLetterWire() {
    }

    /** Null (the invitee's own language) when absent; a 400 naming {@code lang} when not one of the six. */
    static Language language(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        try {
            return Language.fromCode(lang);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("lang", "one of ar, en, es, fr, ru, zh");
        }
    }

    @Schema(description = "What a visa support letter's reference certifies, and whether it still holds.")
    record VisaLetterVerificationResponse(
            @Schema(examples = "WSIS-VL-7K3M9Q2XJD") String reference,
            UUID invitationId,
            @Schema(description = "The circular letter the invitation answers.", examples = "CL-22/010") String letterReference,
            @Schema(description = "ISO 3166-1 alpha-2 code of the member state.", examples = "CH") String memberState,
            @Schema(description = "The delegate, as the reply named them; null once the person's data was erased.", examples = "Aline Dupont") String memberName,
            @Schema(examples = "Ministre") String memberTitle,
            @Schema(description = "The version of the reply the letter was issued from.", examples = "1") int replyVersion,
            @Schema(enumeration = {"ar", "en", "es", "fr", "ru", "zh"}, examples = "fr") String language,
            Instant issuedAt,
            @Schema(description = "True while the invitation's current reply is an acceptance in person that still lists this member.") boolean valid,
            @Schema(description = "Why the letter no longer holds; absent while it does.", nullable = true,
                    enumeration = {"no-longer-in-person", "member-no-longer-in-delegation", "invitation-revoked", "personal-data-erased"})
            String invalidReason) {

        static VisaLetterVerificationResponse of(VisaLetterService.Verification verification) {
            var letter = verification.letter();
            VisaLetters.Validity validity = verification.validity();
            return new VisaLetterVerificationResponse(letter.reference(), letter.invitationId(),
                    verification.letterReference(), verification.memberState(), letter.memberName(),
                    letter.memberTitle(), letter.replyVersion(), letter.language().code(), letter.issuedAt(),
                    validity.valid(), validity.lapse() == null ? null
                    : validity.lapse().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }
}
