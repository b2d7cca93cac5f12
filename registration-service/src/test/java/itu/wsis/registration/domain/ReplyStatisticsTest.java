package itu.wsis.registration.domain;

import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyStatisticsTest {

    static ReplyStatistics.Entry entry(String state, Language language, ReplyStatus status, ParticipationMode mode,
                                       boolean late) {
        return new ReplyStatistics.Entry(state, language, Optional.ofNullable(status), mode, late);
    }

    @Test
    void countsByStatusModeLatenessAndGroup() {
        ReplyStatistics.Summary s = ReplyStatistics.of(List.of(
                entry("CH", Language.FR, ReplyStatus.ACCEPTED, ParticipationMode.IN_PERSON, false),
                entry("FR", Language.FR, ReplyStatus.ACCEPTED, ParticipationMode.REMOTE, true),
                entry("SN", Language.FR, ReplyStatus.DECLINED, null, false),
                entry("RU", Language.RU, ReplyStatus.WITHDRAWN, null, false),
                entry("XK", Language.EN, null, null, false)), 3);

        assertThat(s.total()).isEqualTo(new ReplyStatistics.Counts(5, 2, 1, 1, 1, 1, 1, 3, 1));
        assertThat(s.revoked()).isEqualTo(3);
        assertThat(s.byLanguage().get("fr").invited()).isEqualTo(3);
        assertThat(s.byMemberState().get("FR").late()).isEqualTo(1);
        assertThat(s.byRegion().get("EUROPE").accepted()).isEqualTo(2);
        assertThat(s.byRegion().get("CIS").withdrawn()).isEqualTo(1);
        assertThat(s.byRegion().get(ReplyStatistics.UNKNOWN_REGION).noReply()).isEqualTo(1);
        assertThat(s.byRegion().get("ARAB_STATES").invited()).isZero();
    }

    /** Every breakdown adds up to the total, whatever the replies. */
    @Property(tries = 200)
    void everyBreakdownSumsToTheTotal(@ForAll("entries") List<ReplyStatistics.Entry> entries) {
        ReplyStatistics.Summary s = ReplyStatistics.of(entries, 0);
        for (Map<String, ReplyStatistics.Counts> breakdown : List.of(s.byLanguage(), s.byMemberState(), s.byRegion())) {
            assertThat(breakdown.values().stream().mapToLong(ReplyStatistics.Counts::invited).sum())
                    .isEqualTo(s.total().invited());
            assertThat(breakdown.values().stream().mapToLong(ReplyStatistics.Counts::late).sum())
                    .isEqualTo(s.total().late());
        }
        ReplyStatistics.Counts t = s.total();
        assertThat(t.accepted() + t.declined() + t.withdrawn() + t.noReply()).isEqualTo(t.invited());
        assertThat(t.onTime() + t.late()).isEqualTo(t.invited() - t.noReply());
        assertThat(t.inPerson() + t.remote()).isEqualTo(t.accepted());
    }

    @Provide
    Arbitrary<List<ReplyStatistics.Entry>> entries() {
        Arbitrary<ReplyStatus> status = Arbitraries.of(ReplyStatus.values()).injectNull(0.25);
        return Combinators.combine(
                        Arbitraries.of(List.copyOf(ItuRegion.allMemberStates())),
                        Arbitraries.of(Language.values()),
                        status,
                        Arbitraries.of(ParticipationMode.values()),
                        Arbitraries.of(true, false))
                .as((state, language, st, mode, late) -> entry(state, language, st,
                        st == ReplyStatus.ACCEPTED ? mode : null, st != null && late))
                .list().ofMaxSize(60);
    }
}
