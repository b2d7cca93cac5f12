package itu.wsis.speaking.domain;

import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #14: an invitee could claim any rank for a substitute, and that rank went first in precedence. */
class RankClaimPolicyTest {

    final RankClaimPolicy protocol = new RankClaimPolicy(Precedence.protocol());

    @Test
    void aSubstituteClaimingHeadOfStateForAMinistersInvitationWaitsAndCountsAsAMinister() {
        RankClaimPolicy.RankClaim claim = protocol.assess(Rank.MINISTER, Rank.HEAD_OF_STATE, true,
                RankClaimPolicy.Claimant.INVITEE);

        assertThat(claim.confirmation()).isEqualTo(RankConfirmation.PENDING);
        assertThat(claim.claimed()).isEqualTo(Rank.HEAD_OF_STATE);
        assertThat(claim.forPrecedence()).isEqualTo(Rank.MINISTER);
    }

    @Test
    void aSubstituteOfTheSameOrALowerRankNeedsNoConfirmation() {
        for (Rank claimed : List.of(Rank.MINISTER, Rank.DEPUTY_MINISTER, Rank.AMBASSADOR, Rank.OTHER)) {
            RankClaimPolicy.RankClaim claim = protocol.assess(Rank.MINISTER, claimed, true,
                    RankClaimPolicy.Claimant.INVITEE);
            assertThat(claim.confirmation()).as(claimed.name()).isNull();
            assertThat(claim.forPrecedence()).isEqualTo(claimed);
        }
    }

    @Test
    void theInvitedMinisterSpeaksWithTheInvitationsRank() {
        RankClaimPolicy.RankClaim claim = protocol.assess(Rank.HEAD_OF_GOVERNMENT, null, false,
                RankClaimPolicy.Claimant.INVITEE);
        assertThat(claim.claimed()).isEqualTo(Rank.HEAD_OF_GOVERNMENT);
        assertThat(claim.confirmation()).isNull();
    }

    @Test
    void aRankTheSecretariatEntersIsConfirmedAtOnce() {
        RankClaimPolicy.RankClaim claim = protocol.assess(Rank.MINISTER, Rank.HEAD_OF_STATE, true,
                RankClaimPolicy.Claimant.SECRETARIAT);
        assertThat(claim.confirmation()).isEqualTo(RankConfirmation.CONFIRMED);
        assertThat(claim.forPrecedence()).isEqualTo(Rank.HEAD_OF_STATE);
    }

    @Test
    void confirmationMakesTheClaimCountAndRefusalKeepsTheInvitationsRank() {
        RankClaimPolicy.RankClaim pending = protocol.assess(Rank.AMBASSADOR, Rank.MINISTER, true,
                RankClaimPolicy.Claimant.INVITEE);

        assertThat(protocol.decide(pending, true).forPrecedence()).isEqualTo(Rank.MINISTER);
        RankClaimPolicy.RankClaim refused = protocol.decide(pending, false);
        assertThat(refused.confirmation()).isEqualTo(RankConfirmation.REFUSED);
        assertThat(refused.forPrecedence()).isEqualTo(Rank.AMBASSADOR);
        assertThatThrownBy(() -> protocol.decide(refused, true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> protocol.decide(new RankClaimPolicy.RankClaim(Rank.MINISTER, Rank.MINISTER, null),
                true)).isInstanceOf(IllegalStateException.class);
    }

    /** "Before" is the configured order of precedence, the one the allocation uses, not the enum's. */
    @Test
    void supportIsJudgedInTheConfiguredOrder() {
        RankClaimPolicy ambassadorsFirst = new RankClaimPolicy(new Precedence(List.of(Rank.AMBASSADOR), true));
        assertThat(ambassadorsFirst.assess(Rank.MINISTER, Rank.AMBASSADOR, true, RankClaimPolicy.Claimant.INVITEE)
                .confirmation()).isEqualTo(RankConfirmation.PENDING);
        assertThat(ambassadorsFirst.assess(Rank.AMBASSADOR, Rank.HEAD_OF_STATE, true,
                RankClaimPolicy.Claimant.INVITEE).confirmation()).isNull();
    }

    /** Whatever the order and the claim, an unconfirmed claim never puts a request before the invitation's rank. */
    @Property
    void anUnconfirmedClaimNeverGoesBeforeTheInvitationsRank(@ForAll("orders") List<Rank> order,
                                                             @ForAll Rank invited, @ForAll Rank claimed,
                                                             @ForAll boolean substitute) {
        Precedence precedence = new Precedence(order, true);
        RankClaimPolicy policy = new RankClaimPolicy(precedence);
        RankClaimPolicy.RankClaim claim = policy.assess(invited, claimed, substitute, RankClaimPolicy.Claimant.INVITEE);

        assertThat(precedence.rankIndex(claim.forPrecedence())).isGreaterThanOrEqualTo(precedence.rankIndex(invited));
        assertThat(claim.pending()).isEqualTo(substitute && precedence.rankIndex(claimed) < precedence.rankIndex(invited));
        if (claim.pending()) {
            assertThat(policy.decide(claim, false).forPrecedence()).isEqualTo(invited);
            assertThat(policy.decide(claim, true).forPrecedence()).isEqualTo(claimed);
        } else {
            assertThat(claim.forPrecedence()).isEqualTo(substitute ? claimed : invited);
        }
    }

    @Provide
    Arbitrary<List<Rank>> orders() {
        return Arbitraries.of(Rank.values()).list().uniqueElements().ofMaxSize(Rank.values().length)
                .map(ArrayList::new);
    }
}
