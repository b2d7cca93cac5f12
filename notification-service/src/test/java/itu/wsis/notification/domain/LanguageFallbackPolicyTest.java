package itu.wsis.notification.domain;

import itu.wsis.events.Language;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageFallbackPolicyTest {

    static final LanguageFallbackPolicy POLICY = new LanguageFallbackPolicy(List.of("original", "en"));

    @Test
    void theRecipientsLanguageWhenAvailable() {
        var r = POLICY.resolve(Language.AR, EnumSet.allOf(Language.class), Language.EN).orElseThrow();
        assertThat(r.used()).isEqualTo(Language.AR);
        assertThat(r.fallback()).isFalse();
    }

    @Test
    void thenTheLettersOriginalThenEnglish() {
        assertThat(POLICY.resolve(Language.ZH, EnumSet.of(Language.FR, Language.EN), Language.FR).orElseThrow().used())
                .isEqualTo(Language.FR);
        assertThat(POLICY.resolve(Language.ZH, EnumSet.of(Language.EN), Language.FR).orElseThrow().used())
                .isEqualTo(Language.EN);
    }

    @Test
    void noAcceptableLanguageMeansNoMessage() {
        assertThat(POLICY.resolve(Language.ZH, EnumSet.of(Language.RU), Language.FR)).isEmpty();
        assertThat(new LanguageFallbackPolicy(List.of()).resolve(Language.ZH, EnumSet.of(Language.EN), Language.EN))
                .isEmpty();
    }

    @Test
    void anUnknownFallbackIsRefusedAtStart() {
        assertThatThrownBy(() -> new LanguageFallbackPolicy(List.of("de"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void theResultIsAlwaysAvailableAndAFallbackIsAlwaysFlagged(@ForAll Language requested,
                                                               @ForAll Set<Language> available,
                                                               @ForAll Language original) {
        POLICY.resolve(requested, available, original).ifPresent(r -> {
            assertThat(available).contains(r.used());
            assertThat(r.fallback()).isEqualTo(r.used() != requested);
        });
        if (available.contains(requested)) {
            assertThat(POLICY.resolve(requested, available, original).orElseThrow().used()).isEqualTo(requested);
        }
    }
}
