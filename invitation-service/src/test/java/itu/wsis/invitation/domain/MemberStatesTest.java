package itu.wsis.invitation.domain;

import itu.wsis.events.Language;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MemberStatesTest {

    @Test
    void thereAre193DistinctMemberStatesAllKnownToTheJdk() {
        Set<String> iso = Set.of(Locale.getISOCountries());

        assertThat(MemberStates.all()).hasSize(193);
        assertThat(MemberStates.all()).extracting(MemberState::code).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(iso).contains(code));
    }

    @Test
    void theyAreTheUnMembersExceptPalauPlusTheVaticanCityState() {
        assertThat(MemberStates.find("PW")).isEmpty();
        assertThat(MemberStates.find("VA")).isPresent();
        assertThat(MemberStates.find("TW")).isEmpty();
        assertThat(MemberStates.find("ch")).get().satisfies(ch -> {
            assertThat(ch.usualLanguage()).isEqualTo(Language.FR);
            assertThat(ch.capitalZone().getId()).isEqualTo("Europe/Zurich");
        });
    }

    @Test
    void everyStateHasANameInEachLanguageFromTheJdk() {
        for (MemberState state : MemberStates.all()) {
            for (Language language : Language.values()) {
                assertThat(state.name(language)).as(state.code() + " in " + language).isNotBlank()
                        .isNotEqualTo(state.code());
            }
        }
        MemberState switzerland = MemberStates.find("CH").orElseThrow();
        assertThat(switzerland.name(Language.FR)).isEqualTo("Suisse");
        assertThat(switzerland.name(Language.ZH)).isEqualTo("瑞士");
    }
}
