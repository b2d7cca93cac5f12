package itu.wsis.registration.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ItuRegionTest {

    @Test
    void all193MemberStatesAreInExactlyOneRegion() {
        assertThat(ItuRegion.allMemberStates()).hasSize(193);
        int sum = Arrays.stream(ItuRegion.values()).mapToInt(r -> r.memberStates().size()).sum();
        assertThat(sum).isEqualTo(193);
        assertThat(ItuRegion.AFRICA.memberStates()).hasSize(44);
        assertThat(ItuRegion.AMERICAS.memberStates()).hasSize(35);
        assertThat(ItuRegion.ARAB_STATES.memberStates()).hasSize(21);
        assertThat(ItuRegion.ASIA_PACIFIC.memberStates()).hasSize(38);
    }

    @Test
    void everyCodeIsAnIso3166Alpha2Country() {
        Set<String> iso = Set.of(Locale.getISOCountries());
        assertThat(iso).containsAll(ItuRegion.allMemberStates());
    }

    @Test
    void theUnMembersAreTheMemberStatesExceptPalauPlusTheHolySee() {
        // The 193 UN members, by ISO code: ITU has the same list without Palau and with the Holy See.
        Set<String> un = Arrays.stream("""
                AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL
                CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT
                GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV
                ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR
                MD RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT
                TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW""".trim().split("\\s+"))
                .collect(Collectors.toSet());
        assertThat(un).hasSize(193);
        Set<String> expected = un.stream().filter(c -> !c.equals("PW")).collect(Collectors.toSet());
        expected = new java.util.HashSet<>(expected);
        expected.add("VA");
        assertThat(ItuRegion.allMemberStates()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void lookupIsCaseInsensitiveAndUnknownCodesHaveNoRegion() {
        assertThat(ItuRegion.of("ch")).contains(ItuRegion.EUROPE);
        assertThat(ItuRegion.of("SN")).contains(ItuRegion.AFRICA);
        assertThat(ItuRegion.of("EG")).contains(ItuRegion.ARAB_STATES);
        assertThat(ItuRegion.of("RU")).contains(ItuRegion.CIS);
        assertThat(ItuRegion.of("BR")).contains(ItuRegion.AMERICAS);
        assertThat(ItuRegion.of("VN")).contains(ItuRegion.ASIA_PACIFIC);
        assertThat(ItuRegion.of("PW")).isEmpty();
        assertThat(ItuRegion.of("XX")).isEmpty();
        assertThat(ItuRegion.of(null)).isEmpty();
    }
}
