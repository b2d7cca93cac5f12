package itu.wsis.notification.service;

import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.support.json.StoredJson;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A letter's texts are parsed once per JSON; a new revision (other JSON) is read afresh, never the old one. */
class LetterTextsTest {

    @Test
    void theSameTextsAreParsedOnceAndANewRevisionIsReadAfresh() {
        String first = StoredJson.write(Map.of(Language.EN, new LocalizedText("Invitation", "Dear colleague,\n\nWelcome.",
                "Geneva", "To the Ministers", "Houlin Zhao", "Secretary-General")));
        String revised = StoredJson.write(Map.of(Language.EN, new LocalizedText("Invitation (revised)", "Welcome again.",
                "Geneva", "To the Ministers", "Houlin Zhao", "Secretary-General")));

        Map<Language, LocalizedText> once = MessageContexts.letterTexts(first);
        Map<Language, LocalizedText> again = MessageContexts.letterTexts(new String(first.toCharArray()));
        Map<Language, LocalizedText> afterRevision = MessageContexts.letterTexts(revised);

        assertThat(again).isSameAs(once);
        assertThat(once.get(Language.EN).subject()).isEqualTo("Invitation");
        assertThat(afterRevision.get(Language.EN).subject()).isEqualTo("Invitation (revised)");
        assertThat(MessageContexts.letterTexts(first).get(Language.EN).subject()).isEqualTo("Invitation");
        assertThatThrownBy(() -> once.put(Language.FR, once.get(Language.EN)))
                .as("a shared value cannot be changed by one email").isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pastTheBoundEveryLetterStillReadsItsOwnTexts() {
        for (int i = 0; i < 200; i++) {
            String json = StoredJson.write(Map.of(Language.FR, new LocalizedText("Lettre " + i, "Corps " + i)));
            assertThat(MessageContexts.letterTexts(json).get(Language.FR).subject()).isEqualTo("Lettre " + i);
        }
    }
}
