package itu.wsis.notification.domain;

import itu.wsis.events.Language;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which language a message is written in when the recipient's language cannot be served, because the message
 * catalog or the circular letter has no text in it.
 * <p>
 * The whole message switches to one language (never a mix), the first of: the recipient's language, then the
 * configured fallbacks in order (default: the letter's original language, then English). When none is available
 * there is no message: the intent fails with reason {@code no-template}. Every fallback is recorded on the delivery
 * log row ({@code requestedLanguage} vs {@code language}) and counted in a metric.
 */
public final class LanguageFallbackPolicy {

    /** A fallback entry meaning "the original language of the circular letter". */
    public static final String ORIGINAL = "original";

    private final List<String> fallbacks;

    public LanguageFallbackPolicy(List<String> fallbacks) {
        for (String f : fallbacks) {
            if (!ORIGINAL.equals(f)) {
                Language.fromCode(f);
            }
        }
        this.fallbacks = List.copyOf(fallbacks);
    }

    public record Resolution(Language requested, Language used) {
        public boolean fallback() {
            return requested != used;
        }
    }

    /**
     * @param requested the recipient's preferred language (null when unknown: treated as a missing language)
     * @param available the languages in which every text of the message exists
     * @param original  the letter's original language, if known
     */
    public Optional<Resolution> resolve(Language requested, Set<Language> available, Language original) {
        if (requested != null && available.contains(requested)) {
            return Optional.of(new Resolution(requested, requested));
        }
        for (String f : fallbacks) {
            Language candidate = ORIGINAL.equals(f) ? original : Language.fromCode(f);
            if (candidate != null && available.contains(candidate)) {
                return Optional.of(new Resolution(requested, candidate));
            }
        }
        return Optional.empty();
    }
}
