package itu.wsis.speaking.domain;

import itu.wsis.events.Rank;

import java.util.Objects;

/**
 * Who may sit at a ministerial round table: a speaker whose rank for precedence is {@link Rank#MINISTER} or a rank
 * before it in the configured order of precedence (a Head of State or Government who comes in person is not turned
 * away). A Deputy Minister, an Ambassador, a head of delegation or anyone else is refused.
 * <p>
 * The rank judged is the one the request counts with ({@link RankClaimPolicy.RankClaim#forPrecedence}): a
 * substitute's claimed ministerial rank that the invitation does not support counts only once the secretariat
 * confirms it, so until then the invitation's rank decides. The secretariat's override for such a delegation is to
 * enter the request itself, which confirms the rank it enters; it cannot seat a speaker below ministerial rank, since
 * that would make it another kind of session (docs/allocation.md, "The Ministerial Round Table").
 */
public record RoundTableEligibility(Precedence precedence) {

    public RoundTableEligibility {
        Objects.requireNonNull(precedence, "precedence");
    }

    public boolean admits(Rank rank) {
        return rank != null && precedence.rankIndex(rank) <= precedence.rankIndex(Rank.MINISTER);
    }

    /** Refuses (409 {@code round-table-ministers-only}) a rank that may not sit at a round table. */
    public void require(Rank forPrecedence) {
        if (!admits(forPrecedence)) {
            throw SpeakingRequestRefused.conflict("round-table-ministers-only",
                            "The Ministerial Round Table is for ministers only: a speaker of rank " + forPrecedence
                                    + " cannot take a seat. A substitute of ministerial rank may be named; if the "
                                    + "invitation does not support that rank, the secretariat enters the request.")
                    .with("rank", String.valueOf(forPrecedence));
        }
    }
}
