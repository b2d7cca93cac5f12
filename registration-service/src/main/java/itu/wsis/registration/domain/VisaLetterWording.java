package itu.wsis.registration.domain;

import itu.wsis.events.Language;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a visa support letter in one of the six languages, from {@code VisaLetter_<code>.properties}: every
 * label, the dates (CLDR's long format of that language) and the country's name (CLDR's, in that language). The
 * delegate's name and title are printed as the delegation gave them.
 */
public final class VisaLetterWording {

    /** What the letter states; {@code forumName} already in the letter's language. */
    public record Facts(Language language, String reference, LocalDate issuedOn, String forumName,
                        LocalDate inPersonStart, LocalDate inPersonEnd, String memberName, String memberTitle,
                        String memberState, String letterReference) {
    }

    public enum Style { HEADING, SUBHEADING, META, TITLE, PARAGRAPH, SIGNATORY, SIGNATURE }

    /** One line or paragraph of the letter, top to bottom. */
    public record Block(Style style, String text) {
    }

    private VisaLetterWording() {
    }

    public static List<Block> blocks(Facts facts) {
        ResourceBundle words = bundle(facts.language());
        Locale locale = facts.language().locale();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        Map<String, String> values = Map.of(
                "reference", facts.reference(),
                "date", dates.format(facts.issuedOn()),
                "name", facts.memberName(),
                "title", facts.memberTitle(),
                "country", countryName(facts.memberState(), locale),
                "forum", facts.forumName(),
                "start", dates.format(facts.inPersonStart()),
                "end", dates.format(facts.inPersonEnd()),
                "letter", facts.letterReference());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Style.HEADING, fill(words, "organisation", values)));
        blocks.add(new Block(Style.SUBHEADING, fill(words, "unit", values)));
        blocks.add(new Block(Style.META, fill(words, "reference", values)));
        blocks.add(new Block(Style.META, fill(words, "placeDate", values)));
        blocks.add(new Block(Style.TITLE, fill(words, "title", values)));
        for (String key : List.of("salutation", "body", "request", "costs", "verify")) {
            blocks.add(new Block(Style.PARAGRAPH, fill(words, key, values)));
        }
        blocks.add(new Block(Style.SIGNATORY, fill(words, "signFor", values)));
        for (String key : List.of("signName", "signUnit")) {
            blocks.add(new Block(Style.SIGNATURE, fill(words, key, values)));
        }
        return blocks;
    }

    /** The document's title in its metadata. */
    public static String title(Language language) {
        return bundle(language).getString("title");
    }

    /** A member state's name in {@code locale}; the ISO code itself when CLDR has no name for it. */
    static String countryName(String memberState, Locale locale) {
        String name = new Locale("", memberState).getDisplayCountry(locale);
        return name.isBlank() ? memberState : name;
    }

    private static ResourceBundle bundle(Language language) {
        try {
            // No fallback to the JVM's default locale: a missing translation must fail, not print English.
            return ResourceBundle.getBundle("VisaLetter", language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no visa letter wording for " + language.code(), e);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    /**
     * {@code {name}} placeholders in one pass, so that a value containing braces is printed as given; without
     * MessageFormat's quoting rules (apostrophes are common in French).
     */
    private static String fill(ResourceBundle words, String key, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(words.getString(key));
        return placeholders.replaceAll(found -> Matcher.quoteReplacement(
                values.getOrDefault(found.group(1), found.group())));
    }
}
