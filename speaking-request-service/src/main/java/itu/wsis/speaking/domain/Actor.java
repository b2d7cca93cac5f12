package itu.wsis.speaking.domain;

/** Who acts on a request: the delegation through its personal link, or the secretariat on its behalf. */
public enum Actor {
    INVITEE, SECRETARIAT;

    RankClaimPolicy.Claimant claimant() {
        return this == SECRETARIAT ? RankClaimPolicy.Claimant.SECRETARIAT : RankClaimPolicy.Claimant.INVITEE;
    }
}
