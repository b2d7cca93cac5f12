package itu.wsis.web.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.text.NumberFormat;

/** The pages' texts in one language, for Java callers; the templates read the same bundle as {@code {msg:key}}. */
public final class Messages {

    private Messages() {
    }

    public static PageMessages of(UiLanguage language) {
        // English is the bundle's default (messages/msg_en.properties), the others its localized beans.
        return language == UiLanguage.EN ? MessageBundles.get(PageMessages.class)
                : MessageBundles.get(PageMessages.class, Localized.Literal.of(language.code()));
    }

    /** A number as the language writes it (Western digits in Arabic too: {@link UiLanguage#locale()}). */
    public static String number(long n, UiLanguage language) {
        return NumberFormat.getInstance(language.locale()).format(n);
    }
}
