package itu.wsis.web;

import itu.wsis.web.i18n.UiLanguage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class UiLanguageTest {

    @Test
    void anExplicitChoiceWinsThenTheRememberedOneThenThePreferredThenTheBrowsersThenEnglish() {
        List<Locale> browser = List.of(Locale.forLanguageTag("de-CH"), Locale.forLanguageTag("ru-RU"));
        assertThat(UiLanguage.choose("ar", "fr", "es", browser)).isEqualTo(UiLanguage.AR);
        assertThat(UiLanguage.choose(null, "fr", "es", browser)).isEqualTo(UiLanguage.FR);
        assertThat(UiLanguage.choose("xx", null, "es", browser)).isEqualTo(UiLanguage.ES);
        assertThat(UiLanguage.choose(null, "", null, browser)).isEqualTo(UiLanguage.RU);
        assertThat(UiLanguage.choose(null, null, null, List.of(Locale.GERMAN))).isEqualTo(UiLanguage.EN);
        assertThat(UiLanguage.choose(null, null, null, null)).isEqualTo(UiLanguage.EN);
    }

    @Test
    void regionalTagsAndCaseAreUnderstoodAndOnlyArabicIsRightToLeft() {
        assertThat(UiLanguage.of("zh-CN")).contains(UiLanguage.ZH);
        assertThat(UiLanguage.of(" FR_ch ")).contains(UiLanguage.FR);
        assertThat(UiLanguage.of("de")).isEmpty();
        assertThat(UiLanguage.of("<script>")).isEmpty();
        for (UiLanguage l : UiLanguage.values()) {
            assertThat(l.dir()).isEqualTo(l == UiLanguage.AR ? "rtl" : "ltr");
        }
    }
}
