package itu.wsis.invitation.domain;

import itu.wsis.events.Contact;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;

import java.time.LocalDate;
import java.util.Map;

/** The content of one revision of a circular letter. Deadlines are local dates in the forum's zone. */
public record LetterContent(
        LocalDate letterDate,
        String signatoryName,
        String signatoryTitle,
        Contact contact,
        Language originalLanguage,
        Map<Language, LocalizedText> texts,
        String addresseeClass,
        LocalDate responseDeadline,
        LocalDate speakingRequestDeadline) {

    public LetterContent {
        texts = Map.copyOf(texts);
    }
}
