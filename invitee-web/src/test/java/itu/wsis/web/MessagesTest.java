package itu.wsis.web;

import itu.wsis.web.i18n.Messages;
import itu.wsis.web.i18n.UiLanguage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every language has every text, with the same placeholders, and none is left in English. */
class MessagesTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void everyLanguageHasEveryTextWithTheSamePlaceholders(UiLanguage language) {
        Map<String, String> english = Messages.load(UiLanguage.EN);
        Map<String, String> texts = Messages.load(language);
        assertThat(new TreeSet<>(texts.keySet())).isEqualTo(new TreeSet<>(english.keySet()));
        english.forEach((key, text) -> {
            assertThat(texts.get(key)).as(key).isNotBlank();
            assertThat(placeholders(texts.get(key))).as(key).isEqualTo(placeholders(text));
        });
    }

    @ParameterizedTest
    @EnumSource(value = UiLanguage.class, names = "EN", mode = EnumSource.Mode.EXCLUDE)
    void textsAreTranslatedNotCopied(UiLanguage language) {
        Map<String, String> english = Messages.load(UiLanguage.EN);
        Map<String, String> texts = Messages.load(language);
        long copied = english.keySet().stream()
                .filter(key -> english.get(key).length() > 12 && english.get(key).equals(texts.get(key))).count();
        assertThat(copied).isZero();
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void formattedTextsKeepApostrophesAndFillPlaceholders(UiLanguage language) {
        String text = Messages.format(language, "speaking_waiting_position", 3);
        assertThat(text).doesNotContain("{0}");
        assertThat(Messages.format(UiLanguage.FR, "letter_not_in_language", "English"))
                .isEqualTo("La lettre n'a pas été publiée dans cette langue ; elle est affichée en English.");
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
