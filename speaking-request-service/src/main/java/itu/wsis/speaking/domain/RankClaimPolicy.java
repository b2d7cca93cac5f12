package itu.wsis.speaking.domain;

import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;

import java.util.Objects;

/**
 * Which rank a speaker counts with for precedence (issue #14). An invitation supports the rank of the Minister it
 * invites: the Minister speaks with that rank, and a substitute may claim that rank or any rank after it in the
 * order of precedence. A substitute claiming a rank before it (a "Head of State" standing in for a Minister) would
 * jump the queue on the delegation's word alone, so such a claim counts only once the secretariat has confirmed it;
 * until then, and after a refusal, the request is placed by the invitation's rank.
 * <p>
 * "Before" is in the configured order of precedence ({@link Precedence}), the order the allocation uses.
 */
public record RankClaimPolicy(Precedence precedence) {

    public RankClaimPolicy {
        Objects.requireNonNull(precedence, "precedence");
    }

    /** Who is asking: the secretariat's own entry of a rank is its confirmation. */
    public enum Claimant {
        INVITEE, SECRETARIAT
    }

    /**
     * A claim as it stands.
     *
     * @param claimed      the rank claimed for the speaker
     * @param supported    the rank the invitation supports: the invited Minister's
     * @param confirmation null when the invitation supports the claim, else where the secretariat's decision stands
     */
    public record RankClaim(Rank claimed, Rank supported, RankConfirmation confirmation) {

        public RankClaim {
            Objects.requireNonNull(claimed, "claimed");
            Objects.requireNonNull(supported, "supported");
        }

        /** The rank the allocation orders this request by. */
        public Rank forPrecedence() {
            return confirmation == null || confirmation == RankConfirmation.CONFIRMED ? claimed : supported;
        }

        public boolean pending() {
            return confirmation == RankConfirmation.PENDING;
        }
    }

    /** Whether the invitation supports {@code claimed}: at or after the invited rank in the order of precedence. */
    public boolean supports(Rank invited, Rank claimed) {
        return precedence.rankIndex(claimed) >= precedence.rankIndex(invited);
    }

    /**
     * The claim of a new speaker. The invited Minister (not a substitute) always speaks with the invited rank; a
     * substitute's rank the invitation does not support waits for the secretariat unless the secretariat enters it.
     */
    public RankClaim assess(Rank invited, Rank claimed, boolean substitute, Claimant claimant) {
        Objects.requireNonNull(invited, "invited");
        if (!substitute || claimed == null || supports(invited, claimed)) {
            return new RankClaim(substitute && claimed != null ? claimed : invited, invited, null);
        }
        return new RankClaim(claimed, invited, claimant == Claimant.SECRETARIAT
                ? RankConfirmation.CONFIRMED : RankConfirmation.PENDING);
    }

    /**
     * The secretariat's decision on a pending claim.
     *
     * @throws IllegalStateException when the claim is not waiting for a decision
     */
    public RankClaim decide(RankClaim claim, boolean confirm) {
        if (!claim.pending()) {
            throw new IllegalStateException("no rank waits for confirmation");
        }
        return new RankClaim(claim.claimed(), claim.supported(),
                confirm ? RankConfirmation.CONFIRMED : RankConfirmation.REFUSED);
    }
}
