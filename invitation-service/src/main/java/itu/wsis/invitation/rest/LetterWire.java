package itu.wsis.invitation.rest;

import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.invitation.domain.Letter;
import itu.wsis.invitation.domain.LetterContent;
import itu.wsis.invitation.domain.LetterStatus;
import itu.wsis.support.text.EmailAddress;
import itu.wsis.support.validation.Email;
import itu.wsis.support.validation.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class LetterWire {

    private LetterWire() {
    }

    // Signatory, Contact and Text are parts a letter's request and its answer share: no Request/Response suffix
    // (docs/api/README.md, Naming), so the document keeps one schema each.
    record Signatory(@NotBlank @SingleLine @Size(max = 200) String name,
                     @NotBlank @SingleLine @Size(max = 200) String title) {
    }

    record Contact(@NotBlank @SingleLine @Size(max = 200) String name,
                   @NotBlank @Email @Size(max = 320) String email,
                   @SingleLine @Size(max = 50) String phone) {
    }

    /**
     * The letter in one language. Besides the subject and the body (which ends with the closing formula: the
     * signature block is not part of it), the parts of the paper letter written in that language: {@code place}
     * of the dateline ("Genève"), the {@code addressee} line ("Aux Ministres des États Membres de l'UIT") and the
     * signature block, {@code signatoryName} as this language writes it and {@code signatoryTitle}. Emails show
     * them; an email whose language lacks the signature block is signed with the letter's signatory's name alone.
     */
    record Text(@NotBlank @SingleLine @Size(max = 500) String subject, @NotBlank @Size(max = 20000) String body,
                @SingleLine @Size(max = 100) String place, @SingleLine @Size(max = 300) String addressee,
                @SingleLine @Size(max = 200) String signatoryName, @SingleLine @Size(max = 200) String signatoryTitle) {

        Text(String subject, String body) {
            this(subject, body, null, null, null, null);
        }

        static Text of(LocalizedText t) {
            return new Text(t.subject(), t.body(), t.place(), t.addressee(), t.signatoryName(), t.signatoryTitle());
        }

        LocalizedText toDomain() {
            return new LocalizedText(subject.trim(), body, trimmed(place), trimmed(addressee), trimmed(signatoryName),
                    trimmed(signatoryTitle));
        }

        private static String trimmed(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /**
     * A letter's content. {@code reference} is given when the letter is created and never changes; the texts are
     * keyed by language code and need at least the original language. Deadlines are local dates in the forum's
     * time zone: "by 15 April" is {@code 2022-04-15}.
     */
    record LetterRequest(
            @SingleLine @Size(max = 40) String reference,
            @NotNull LocalDate letterDate,
            @NotNull @Valid Signatory signatory,
            @NotNull @Valid Contact contact,
            @NotBlank String originalLanguage,
            @NotNull Map<String, @NotNull @Valid Text> texts,
            @NotBlank @SingleLine @Size(max = 300) String addresseeClass,
            @NotNull LocalDate responseDeadline,
            @NotNull LocalDate speakingRequestDeadline) {

        LetterContent toDomain() {
            Validation v = new Validation();
            Map<Language, Text> byLanguage = v.languages("texts", texts, false);
            Language original = null;
            try {
                original = Language.fromCode(originalLanguage);
            } catch (IllegalArgumentException e) {
                v.add("originalLanguage", "must be one of ar, en, es, fr, ru, zh");
            }
            if (original != null && !texts.isEmpty() && !byLanguage.containsKey(original)
                    && !texts.containsKey(original.code())) {
                v.add("texts." + original.code(), "the original language needs its text");
            }
            if (responseDeadline.isBefore(letterDate)) {
                v.add("responseDeadline", "must not be before the letter's date");
            }
            if (speakingRequestDeadline.isBefore(letterDate)) {
                v.add("speakingRequestDeadline", "must not be before the letter's date");
            }
            v.throwIfAny();
            Map<Language, LocalizedText> localized = new java.util.EnumMap<>(Language.class);
            byLanguage.forEach((language, text) -> localized.put(language, text.toDomain()));
            return new LetterContent(letterDate, signatory.name().trim(), signatory.title().trim(),
                    new itu.wsis.events.Contact(contact.name().trim(), EmailAddress.trimSpaces(contact.email()),
                            contact.phone()), original,
                    localized, addresseeClass.trim(), responseDeadline, speakingRequestDeadline);
        }
    }

    record RevisionResponse(int revision, LetterStatus status, Instant publishedAt) {
    }

    record LetterResponse(UUID id, UUID forumId, String reference, int revision, LetterStatus status,
                          LocalDate letterDate, Signatory signatory, Contact contact, Language originalLanguage,
                          Map<String, Text> texts, String addresseeClass, Deadline responseDeadline,
                          Deadline speakingRequestDeadline, Instant publishedAt, List<RevisionResponse> revisions) {

        static LetterResponse of(Letter letter) {
            LetterContent c = letter.content();
            Map<String, Text> texts = ForumWire.byCode(c.texts()).entrySet().stream().collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            e -> Text.of(e.getValue()),
                            (a, b) -> a, java.util.TreeMap::new));
            return new LetterResponse(letter.id(), letter.forumId(), letter.reference(), letter.revision(),
                    letter.status(), c.letterDate(), new Signatory(c.signatoryName(), c.signatoryTitle()),
                    new Contact(c.contact().name(), c.contact().email(), c.contact().phone()),
                    c.originalLanguage(), texts, c.addresseeClass(), letter.responseDeadline(),
                    letter.speakingRequestDeadline(), letter.publishedAt(),
                    letter.revisions().stream().map(r -> new RevisionResponse(r.revision(), r.status(), r.publishedAt()))
                            .toList());
        }
    }
}
