package itu.wsis.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The pages' texts, one UTF-8 properties file per language ({@code i18n/messages_<code>.properties}). A key
 * missing in a language falls back to English, so a page is never blank; a test keeps the files complete.
 */
public final class Messages {

    private static final Map<UiLanguage, Map<String, String>> TEXTS = new EnumMap<>(UiLanguage.class);

    static {
        Map<String, String> english = load(UiLanguage.EN);
        for (UiLanguage language : UiLanguage.values()) {
            Map<String, String> texts = new HashMap<>(english);
            texts.putAll(load(language));
            TEXTS.put(language, Collections.unmodifiableMap(texts));
        }
    }

    private Messages() {
    }

    /** Every text of one language, for templates: {@code {t.key}}. */
    public static Map<String, String> of(UiLanguage language) {
        return TEXTS.get(language);
    }

    public static String get(UiLanguage language, String key) {
        String text = TEXTS.get(language).get(key);
        return text == null ? key : text;
    }

    public static String format(UiLanguage language, String key, Object... arguments) {
        MessageFormat format = new MessageFormat(get(language, key).replace("'", "''"), language.locale());
        return format.format(arguments);
    }

    /** The raw file of one language, without the English fallback: for the completeness test. */
    public static Map<String, String> load(UiLanguage language) {
        String name = "i18n/messages_" + language.code() + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            properties.forEach((k, v) -> texts.put((String) k, (String) v));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
