package itu.wsis.invitation.domain;

import itu.wsis.events.Language;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * An ITU Member State. Its names come from the JDK's locale data (CLDR), never typed by hand, so that the six
 * language versions stay consistent with what every other Java system prints.
 */
public record MemberState(String code, Language usualLanguage, ZoneId capitalZone) {

    public String name(Language language) {
        return new Locale("", code).getDisplayCountry(language.locale());
    }

    public Map<Language, String> names() {
        Map<Language, String> names = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            names.put(language, name(language));
        }
        return names;
    }
}
