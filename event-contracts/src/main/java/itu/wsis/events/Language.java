package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The six official UN languages, written on the wire as their ISO 639-1 codes. */
public enum Language {
    AR, EN, ES, FR, RU, ZH;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public boolean rightToLeft() {
        return this == AR;
    }

    @JsonCreator
    public static Language fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.trim())) {
                return language;
            }
        }
        throw new IllegalArgumentException("not one of ar, en, es, fr, ru, zh: " + code);
    }
}
