package itu.wsis.notification.domain;

import itu.wsis.events.Rank;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses the formal salutation from the protocol rank and the form of address. The texts themselves live in the
 * message catalog under the returned key, per language ("Madame la Ministre", "Excellency", "معالي الوزيرة"...).
 * <p>
 * The form of address is free text from the invitation; it is read as feminine, masculine or unknown. Unknown
 * addresses both forms, as the circular letter itself does ("Madame la Ministre, Monsieur le Ministre").
 */
public final class SalutationPolicy {

    public enum Grammar { FEMININE, MASCULINE, BOTH }

    public enum Dignity { HEAD, MINISTER, EXCELLENCY, OTHER }

    private static final Set<String> FEMININE = Set.of("ms", "mrs", "miss", "madam", "madame", "mme", "sra",
            "senora", "senorita", "f", "female", "her excellency", "he ms", "he mrs", "he madam", "госпожа", "女士",
            "السيدة");
    private static final Set<String> MASCULINE = Set.of("mr", "sir", "monsieur", "m", "sr", "senor", "male",
            "his excellency", "he mr", "he sir", "господин", "先生", "السيد");

    private SalutationPolicy() {
    }

    public static String key(Rank rank, String formOfAddress) {
        return "salutation." + dignity(rank).name().toLowerCase(Locale.ROOT) + "."
                + grammar(formOfAddress).name().toLowerCase(Locale.ROOT);
    }

    public static Dignity dignity(Rank rank) {
        if (rank == null) {
            return Dignity.OTHER;
        }
        return switch (rank) {
            case HEAD_OF_STATE, HEAD_OF_GOVERNMENT -> Dignity.HEAD;
            case MINISTER, DEPUTY_MINISTER -> Dignity.MINISTER;
            case AMBASSADOR, HEAD_OF_DELEGATION -> Dignity.EXCELLENCY;
            case OTHER -> Dignity.OTHER;
        };
    }

    public static Grammar grammar(String formOfAddress) {
        if (formOfAddress == null || formOfAddress.isBlank()) {
            return Grammar.BOTH;
        }
        String normalized = Normalizer.normalize(formOfAddress, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[.,]", "")
                .replaceAll("\\s+", " ")
                .strip();
        if (FEMININE.contains(normalized)) {
            return Grammar.FEMININE;
        }
        if (MASCULINE.contains(normalized)) {
            return Grammar.MASCULINE;
        }
        return Grammar.BOTH;
    }
}
