package itu.wsis.notification.domain;

import itu.wsis.events.Rank;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalutationPolicyTest {

    @Test
    void rankAndFormOfAddressChooseTheKey() {
        assertThat(SalutationPolicy.key(Rank.MINISTER, "H.E. Ms")).isEqualTo("salutation.minister.feminine");
        assertThat(SalutationPolicy.key(Rank.DEPUTY_MINISTER, "Mr.")).isEqualTo("salutation.minister.masculine");
        assertThat(SalutationPolicy.key(Rank.HEAD_OF_STATE, "Madame")).isEqualTo("salutation.head.feminine");
        assertThat(SalutationPolicy.key(Rank.AMBASSADOR, "Señor")).isEqualTo("salutation.excellency.masculine");
        assertThat(SalutationPolicy.key(Rank.OTHER, null)).isEqualTo("salutation.other.both");
        assertThat(SalutationPolicy.key(null, "Dr")).isEqualTo("salutation.other.both");
    }
}
