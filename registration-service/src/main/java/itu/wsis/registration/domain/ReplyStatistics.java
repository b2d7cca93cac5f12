package itu.wsis.registration.domain;

import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyStatus;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Counts of the current replies of one forum's invitations, overall and by language, Member State and region. */
public final class ReplyStatistics {

    /** One valid invitation and its current reply (empty when the invitee has not replied). */
    public record Entry(String memberState, Language language, Optional<ReplyStatus> status,
                        ParticipationMode mode, boolean late) {
    }

    /** Counts for one group of invitations. {@code inPerson}/{@code remote} count accepted replies only. */
    public record Counts(long invited, long accepted, long declined, long withdrawn, long noReply,
                         long inPerson, long remote, long onTime, long late) {

        static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

        Counts plus(Entry e) {
            ReplyStatus status = e.status().orElse(null);
            boolean isAccepted = status == ReplyStatus.ACCEPTED;
            return new Counts(invited + 1,
                    accepted + (isAccepted ? 1 : 0),
                    declined + (status == ReplyStatus.DECLINED ? 1 : 0),
                    withdrawn + (status == ReplyStatus.WITHDRAWN ? 1 : 0),
                    noReply + (status == null ? 1 : 0),
                    inPerson + (isAccepted && e.mode() == ParticipationMode.IN_PERSON ? 1 : 0),
                    remote + (isAccepted && e.mode() == ParticipationMode.REMOTE ? 1 : 0),
                    onTime + (status != null && !e.late() ? 1 : 0),
                    late + (status != null && e.late() ? 1 : 0));
        }
    }

    /** {@code revoked} counts invitations withdrawn by the secretariat: they are in no other figure. */
    public record Summary(Counts total, Map<String, Counts> byLanguage, Map<String, Counts> byMemberState,
                          Map<String, Counts> byRegion, long revoked) {
    }

    /** Member States outside the ITU list (a data error upstream) are counted under this region key. */
    public static final String UNKNOWN_REGION = "UNKNOWN";

    private ReplyStatistics() {
    }

    public static Summary of(Iterable<Entry> entries, long revoked) {
        Counts total = Counts.ZERO;
        Map<String, Counts> byLanguage = new TreeMap<>();
        Map<String, Counts> byMemberState = new TreeMap<>();
        Map<String, Counts> byRegion = new TreeMap<>();
        for (ItuRegion region : ItuRegion.values()) {
            byRegion.put(region.name(), Counts.ZERO);
        }
        for (Entry e : entries) {
            total = total.plus(e);
            add(byLanguage, e.language() == null ? "unknown" : e.language().code(), e);
            add(byMemberState, e.memberState(), e);
            add(byRegion, ItuRegion.of(e.memberState()).map(ItuRegion::name).orElse(UNKNOWN_REGION), e);
        }
        return new Summary(total, byLanguage, byMemberState, byRegion, revoked);
    }

    private static void add(Map<String, Counts> map, String key, Entry e) {
        map.merge(key, Counts.ZERO.plus(e), (a, b) -> a.plus(e));
    }
}
