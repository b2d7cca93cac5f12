package itu.wsis.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The six UN languages the pages speak, and which one a request gets. */
public enum UiLanguage {
    AR("العربية"), EN("English"), ES("Español"), FR("Français"), RU("Русский"), ZH("中文");

    private final String nativeName;

    UiLanguage(String nativeName) {
        this.nativeName = nativeName;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String nativeName() {
        return nativeName;
    }

    public String dir() {
        return this == AR ? "rtl" : "ltr";
    }

    /**
     * Arabic with Western digits ({@code -u-nu-latn}), as the secretariat writes them: Java's Arabic locale would
     * format numbers (a place on the waiting list) with Arabic-Indic digits, while the dates already use Western
     * ones.
     */
    public Locale locale() {
        return this == AR ? Locale.forLanguageTag("ar-u-nu-latn") : Locale.forLanguageTag(code());
    }

    public static Optional<UiLanguage> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        // "zh-CN", "fr_CH": the primary subtag decides.
        int cut = wanted.indexOf('-') >= 0 ? wanted.indexOf('-') : wanted.indexOf('_');
        String primary = cut > 0 ? wanted.substring(0, cut) : wanted;
        for (UiLanguage language : values()) {
            if (language.code().equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * An explicit choice on the page wins, then the choice remembered from earlier, then the invitee's preferred
     * language as the secretariat recorded it, then the browser's, then English.
     */
    public static UiLanguage choose(String requested, String remembered, String preferred, List<Locale> browser) {
        return of(requested).or(() -> of(remembered)).or(() -> of(preferred))
                .or(() -> browser == null ? Optional.empty()
                        : browser.stream().map(l -> of(l.getLanguage())).flatMap(Optional::stream).findFirst())
                .orElse(EN);
    }
}
