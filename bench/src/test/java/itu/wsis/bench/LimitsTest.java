package itu.wsis.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LimitsTest {

    @Test
    void aRateLeavesWhatTheCpusGiveEachUnitLessWhatEverythingElseCosts() {
        // 0.6 × 3,323 TPS on 2 CPUs: 1.003 ms per accept in all; everything else took 1.06 ms.
        assertThat(Limits.budgetMs(2, 0.6 * 3323, 1.06)).isCloseTo(-0.057, within(0.001));
        assertThat(Limits.budgetMs(2, 100, 5)).isCloseTo(15.0, within(1e-9));
        assertThatThrownBy(() -> Limits.budgetMs(2, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRateTheCpusAllowIsTheirTimeOverTheCostOfOne() {
        assertThat(Limits.rateAt(2, 6.3)).isCloseTo(317.46, within(0.01));
        assertThatThrownBy(() -> Limits.rateAt(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCommittedHeapIsEdenBothSurvivorsAndTenured() {
        String serial = """
                3582:
                DefNew     total 63936K, used 24619K [0x00000000f0000000, 0x00000000f4550000, 0x00000000f5550000)
                 eden space 56896K,  42% used [0x00000000f0000000, 0x00000000f17c62c0, 0x00000000f3790000)
                 from space 7040K,   3% used [0x00000000f3e70000, 0x00000000f3eb4b60, 0x00000000f4550000)
                 to   space 7040K,   0% used [0x00000000f3790000, 0x00000000f3790000, 0x00000000f3e70000)
                Tenured    total 141732K, used 78366K [0x00000000f5550000, 0x00000000fdfb9000, 0x0000000100000000)
                 the  space 141732K,  55% used [0x00000000f5550000, 0x00000000fa1d7bf0, 0x00000000fdfb9000)
                """;
        assertThat(Limits.committedHeapKb(serial)).isEqualTo(56896 + 7040 + 7040 + 141732);
        assertThat(Limits.tenuredUsedKb(serial)).isEqualTo(78366);
        String g1 = """
                 garbage-first heap   total 262144K, used 81234K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 20 young (20480K), 3 survivors (3072K)
                """;
        assertThat(Limits.committedHeapKb(g1)).isEqualTo(-1);
        assertThat(Limits.tenuredUsedKb(g1)).isEqualTo(-1);
    }
}
