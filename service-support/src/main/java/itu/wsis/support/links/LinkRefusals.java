package itu.wsis.support.links;

import itu.wsis.support.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;

/**
 * Every answer the personal-link admission can give other than "come in", one place for the three services so that
 * the same situation gets the same status and problem type everywhere (docs/security-auth.md has the table).
 */
public final class LinkRefusals {

    private LinkRefusals() {
    }

    /** No link on a request that needs one. */
    public static ProblemException required() {
        return ProblemException.unauthorized("personal-link-required",
                "This address needs the personal link from your invitation email (header " + PersonalLinks.HEADER + ").");
    }

    /** Not a link we signed: malformed, tampered with, or signed with another key. */
    public static ProblemException invalid() {
        return ProblemException.unauthorized("personal-link-invalid",
                "This personal link is not valid. Please use the link from your latest invitation email.");
    }

    /** Past the earlier of the token's own expiry and the invitation's stored one. */
    public static ProblemException expired(String language) {
        return withLanguage(ProblemException.gone("personal-link-expired",
                "This personal link has expired. Please contact the secretariat for a new one."), language);
    }

    /** A newer link has been issued for this invitation. */
    public static ProblemException reissued(String language) {
        return withLanguage(ProblemException.gone("personal-link-reissued",
                "A new personal link has been sent for this invitation; this one no longer works."), language);
    }

    public static ProblemException revoked(String language) {
        return withLanguage(ProblemException.gone("invitation-revoked",
                "This invitation has been withdrawn by the secretariat and can no longer be answered."), language);
    }

    /** The person asked for their data to be erased: the link leads nowhere any more, in every service. */
    public static ProblemException erased(String language) {
        return withLanguage(ProblemException.gone("personal-data-erased",
                "The personal data of this invitation has been erased on request. Please contact the secretariat."),
                language);
    }

    /**
     * A genuine link this service cannot judge yet: its invitation, or this link version, has not reached its read
     * model (events travel asynchronously; in practice the event precedes the email by far).
     */
    public static ProblemException notYetActive() {
        return ProblemException.unauthorized("personal-link-not-yet-active",
                "This personal link is not active yet. Please try again in a minute.");
    }

    /** A genuine link presented at another invitation's address: the same answer as for an address that does not exist. */
    public static ProblemException notFound() {
        return ProblemException.notFound("invitation-not-found", "There is no invitation at this address.");
    }

    public static ProblemException tooManyRequests(long waitNanos) {
        return ProblemException.tooManyRequests(Duration.ofNanos(waitNanos));
    }

    /**
     * The judgement of a genuine, unexpired token against the service's read model, or null when it opens its
     * invitation. The order is fixed, so that a link that is several things at once gets the same answer everywhere.
     */
    public static ProblemException judge(LinkClaims claims, LinkState state, Instant now) {
        if (state == null) {
            return notYetActive();
        }
        if (state.revoked()) {
            return revoked(state.language());
        }
        if (state.erased()) {
            return erased(state.language());
        }
        if (claims.linkVersion() < state.linkVersion()) {
            return reissued(state.language());
        }
        if (claims.linkVersion() > state.linkVersion()) {
            return notYetActive();
        }
        if (!now.isBefore(claims.expiresAt())
                || state.linkExpiresAt() != null && !now.isBefore(state.linkExpiresAt())) {
            return expired(state.language());
        }
        return null;
    }

    /** {@link #judge} for code that rejects by throwing, e.g. a service re-reading the invitation in its transaction. */
    public static void require(LinkClaims claims, LinkState state, Instant now) {
        ProblemException refusal = judge(claims, state, now);
        if (refusal != null) {
            throw refusal;
        }
    }

    /** The earlier of the token's own expiry and the one the service stores for the invitation. */
    public static Instant effectiveExpiry(LinkClaims claims, LinkState state) {
        Instant stored = state == null ? null : state.linkExpiresAt();
        return stored != null && stored.isBefore(claims.expiresAt()) ? stored : claims.expiresAt();
    }

    private static ProblemException withLanguage(ProblemException problem, String language) {
        return language == null ? problem : problem.with("language", language);
    }
}
