package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.web.i18n.Messages;
import itu.wsis.web.i18n.PageMessages;
import itu.wsis.web.i18n.UiLanguage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language has every text, with the same named placeholders, and none is left in English. Read from the
 * bundle's files themselves: Qute falls back to English for a key a language lacks, which would hide it.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class MessagesTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]\\w*}");

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void everyLanguageHasEveryTextWithTheSamePlaceholders(UiLanguage language) throws IOException {
        Map<String, String> english = load(UiLanguage.EN);
        Map<String, String> texts = load(language);
        assertThat(new TreeSet<>(texts.keySet())).isEqualTo(new TreeSet<>(english.keySet()));
        english.forEach((key, text) -> {
            assertThat(texts.get(key)).as(key).isNotBlank();
            assertThat(placeholders(texts.get(key))).as(key).isEqualTo(placeholders(text));
        });
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void everyFileNamesExactlyTheBundlesTexts(UiLanguage language) throws IOException {
        assertThat(new TreeSet<>(load(language).keySet())).isEqualTo(Arrays.stream(PageMessages.class.getMethods())
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @EnumSource(value = UiLanguage.class, names = "EN", mode = EnumSource.Mode.EXCLUDE)
    void textsAreTranslatedNotCopied(UiLanguage language) throws IOException {
        Map<String, String> english = load(UiLanguage.EN);
        Map<String, String> texts = load(language);
        // Measured as the numbered placeholders were ({0}): a name's length does not make "{venue}, {room}" a text.
        long copied = english.keySet().stream()
                .filter(key -> PLACEHOLDER.matcher(english.get(key)).replaceAll("{_}").length() > 12
                        && english.get(key).equals(texts.get(key))).count();
        assertThat(copied).isZero();
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void formattedTextsKeepApostrophesAndFillPlaceholders(UiLanguage language) {
        String text = Messages.of(language).speaking_waiting_position("3");
        assertThat(text).doesNotContain("{").contains("3");
        assertThat(Messages.of(UiLanguage.FR).letter_not_in_language("English"))
                .isEqualTo("La lettre n'a pas été publiée dans cette langue ; elle est affichée en English.");
    }

    /** The raw file of one language, without Qute's fallback to English. */
    static Map<String, String> load(UiLanguage language) throws IOException {
        String name = "messages/msg_" + language.code() + ".properties";
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            properties.forEach((k, v) -> texts.put((String) k, (String) v));
            return texts;
        }
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
