package itu.wsis.registration.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The six ITU regions used for development statistics, and the 193 ITU Member States in each, by ISO 3166-1
 * alpha-2 code. Palau is a UN member but not an ITU Member State; the Holy See (VA) is an ITU Member State.
 * Georgia is counted in Europe and Moldova and Ukraine in the CIS, as in the BDT list this was written from;
 * the secretariat should confirm these three against the current list when it changes.
 */
public enum ItuRegion {
    AFRICA("Africa", """
            AO BJ BW BF BI CM CV CF TD CG CI CD GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU MZ NA NE NG RW ST SN
            SC SL ZA SS TZ TG UG ZM ZW"""),
    AMERICAS("Americas", """
            AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY
            VE"""),
    ARAB_STATES("Arab States", """
            DZ BH KM DJ EG IQ JO KW LB LY MR MA OM QA SA SO SD SY TN AE YE"""),
    ASIA_PACIFIC("Asia-Pacific", """
            AF AU BD BT BN KH CN KP FJ IN ID IR JP KI KR LA MY MV MH FM MN MM NR NP NZ PK PG PH WS SG SB LK TH TL
            TO TV VU VN"""),
    CIS("CIS", """
            AM AZ BY KZ KG MD RU TJ TM UA UZ"""),
    EUROPE("Europe", """
            AL AD AT BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT LV LI LT LU MT MC ME NL MK NO PL PT RO
            SM RS SK SI ES SE CH TR GB VA""");

    private static final Map<String, ItuRegion> BY_COUNTRY;

    static {
        Map<String, ItuRegion> map = new HashMap<>();
        for (ItuRegion region : values()) {
            for (String code : region.memberStates) {
                if (map.put(code, region) != null) {
                    throw new IllegalStateException(code + " is listed in two ITU regions");
                }
            }
        }
        BY_COUNTRY = Collections.unmodifiableMap(map);
    }

    private final String label;
    private final Set<String> memberStates;

    ItuRegion(String label, String codes) {
        this.label = label;
        this.memberStates = Arrays.stream(codes.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }

    public String label() {
        return label;
    }

    public Set<String> memberStates() {
        return memberStates;
    }

    public static Optional<ItuRegion> of(String memberState) {
        return memberState == null ? Optional.empty()
                : Optional.ofNullable(BY_COUNTRY.get(memberState.trim().toUpperCase(Locale.ROOT)));
    }

    /** Every ITU Member State's code. */
    public static Set<String> allMemberStates() {
        return BY_COUNTRY.keySet();
    }
}
