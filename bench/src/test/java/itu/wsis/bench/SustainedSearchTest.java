package itu.wsis.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sustained-rate search: which rates (b) tries, and which one it reports. */
class SustainedSearchTest {

    /** Runs the search against a system that keeps up to {@code capacity} accepts/s; returns the rates tried. */
    private static List<Double> tried(SustainedPhase.Search search, double capacity, int steps) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            rates.add(search.rate());
            if (!search.record(search.rate() <= capacity)) {
                break;
            }
        }
        return rates;
    }

    @Test
    void startsBelowTheSmallerOfTheEmailRateAndTheEndpointAlone() {
        assertThat(SustainedPhase.Search.from(80, 200, 1, -1).rate()).isEqualTo(0.7 * 80);
        assertThat(SustainedPhase.Search.from(300, 200, 1, -1).rate()).isEqualTo(0.7 * 200);
        assertThat(SustainedPhase.Search.from(-1, 200, 1, -1).rate()).as("no email rate measured").isEqualTo(0.3 * 200);
        assertThat(SustainedPhase.Search.from(-1, 1, 1, -1).rate()).as("never below 2/s").isEqualTo(2);
    }

    @Test
    void twoInstancesStartAtOneAndAHalfTimesWhatOneSustainedWithinTheCap() {
        assertThat(SustainedPhase.Search.from(80, 200, 2, 40).rate()).isEqualTo(60);
        assertThat(SustainedPhase.Search.from(80, 200, 2, 1000).rate()).as("2 × (a) × instances").isEqualTo(800);
        assertThat(SustainedPhase.Search.from(80, 200, 2, 0).rate()).as("one instance sustained nothing")
                .isEqualTo(0.7 * 80 * 2);
    }

    @Test
    void doublesWhileKeptThenBisects() {
        SustainedPhase.Search search = new SustainedPhase.Search(10, 1000);

        assertThat(tried(search, 50, 4)).containsExactly(10.0, 20.0, 40.0, 80.0);
        assertThat(search.lo()).isEqualTo(40);
        assertThat(search.rate()).as("next: between 40 kept and 80 not").isEqualTo(60);
    }

    @Test
    void halvesWhileNotKeptThenBisects() {
        SustainedPhase.Search search = new SustainedPhase.Search(100, 1000);

        assertThat(tried(search, 30, 4)).containsExactly(100.0, 50.0, 25.0, 37.5);
        assertThat(search.lo()).isEqualTo(25);
    }

    @Test
    void stopsAtTheCapAndBelowOnePerSecond() {
        SustainedPhase.Search capped = new SustainedPhase.Search(30, 50);
        assertThat(tried(capped, 1000, 4)).as("50 kept, and the next would be 50 again").containsExactly(30.0, 50.0);
        assertThat(capped.lo()).isEqualTo(50);

        SustainedPhase.Search none = new SustainedPhase.Search(2, 50);
        assertThat(tried(none, 0, 4)).containsExactly(2.0, 1.0);
        assertThat(none.lo()).as("no rate kept").isZero();
    }
}
