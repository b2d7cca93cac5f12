package itu.wsis.support.links;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.ratelimit.RateLimiter;
import itu.wsis.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one admission policy for personal links, shared by every service that answers them: signature, rate limits,
 * expiry and the service's own read model (docs/security-auth.md). It runs as a Quarkus identity provider
 * ({@link PersonalLinkIdentityProvider}) behind {@link PersonalLinkMechanism}, before any endpoint code.
 * <p>
 * Rate limits are keyed so that nobody can spend a budget that is not his: failed authentications (no link,
 * malformed, forged) spend their client address's failure budget, and only they do; every request with a genuine
 * link spends that link's own budget. A guesser therefore locks out only his own guesses, and a valid link keeps
 * working from the same address. Counts are in memory, per service instance.
 */
@ApplicationScoped
public class PersonalLinkAdmission {

    /** Identity attributes of an admitted link. */
    public static final String INVITATION_ID = "wsis.link.invitationId";
    public static final String LINK_VERSION = "wsis.link.version";
    public static final String EXPIRES_AT = "wsis.link.expiresAt";
    /** Attribute of a refusal ({@link AuthenticationFailedException}): the problem to answer. */
    static final String PROBLEM = "wsis.link.problem";

    private final PersonalLinks links;
    private final Instance<LinkStates> states;
    private final Clock clock;
    private final RateLimiter failuresPerAddress;
    private final RateLimiter perLink;
    private volatile LinkStates linkStates;

    public PersonalLinkAdmission(PersonalLinks links, Instance<LinkStates> states, Clock clock, LinkConfig config) {
        this.links = links;
        this.states = states;
        this.clock = clock;
        LinkConfig.RateLimits limits = config.rateLimits();
        this.failuresPerAddress = new RateLimiter(limits.failuresPerAddress().permits(),
                limits.failuresPerAddress().per(), limits.maxKeys());
        this.perLink = new RateLimiter(limits.perLink().permits(), limits.perLink().per(), limits.maxKeys());
    }

    /** Admits the token or fails with an {@link AuthenticationFailedException} carrying the problem to answer. */
    public Uni<SecurityIdentity> admit(String token, String clientAddress) {
        if (token == null || token.isBlank()) {
            return refuse(failure(clientAddress, LinkRefusals.required()));
        }
        Optional<LinkClaims> authentic = links.authentic(token.trim());
        if (authentic.isEmpty()) {
            return refuse(failure(clientAddress, LinkRefusals.invalid()));
        }
        LinkClaims claims = authentic.get();
        long wait = perLink.tryAcquire(claims.invitationId() + "/" + claims.linkVersion());
        if (wait > 0) {
            return refuse(LinkRefusals.tooManyRequests(wait));
        }
        Instant now = clock.instant();
        if (!now.isBefore(claims.expiresAt())) {
            // Expired by its own claim: no need to ask the read model.
            return refuse(LinkRefusals.expired(null));
        }
        return states().find(claims.invitationId()).onItem().transformToUni(state -> {
            ProblemException refusal = LinkRefusals.judge(claims, state, clock.instant());
            return refusal != null ? refuse(refusal) : Uni.createFrom().item(identity(claims, state));
        });
    }

    /** A request to a personal-link endpoint that carries no link at all: a failed authentication like any other. */
    public ProblemException missing(String clientAddress) {
        return failure(clientAddress, LinkRefusals.required());
    }

    /** The problem a refusal of this admission carries, if {@code failure} is one. */
    public static Optional<ProblemException> problemOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException e && e.getAttribute(PROBLEM) instanceof ProblemException p) {
                return Optional.of(p);
            }
            if (t instanceof ProblemException p) {
                return Optional.of(p);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Resolved once: the bean is application-scoped, and this runs on every request. */
    private LinkStates states() {
        LinkStates resolved = linkStates;
        if (resolved == null) {
            resolved = states.get();
            linkStates = resolved;
        }
        return resolved;
    }

    private ProblemException failure(String clientAddress, ProblemException refusal) {
        long wait = failuresPerAddress.tryAcquire(clientAddress == null ? "unknown" : clientAddress);
        return wait > 0 ? LinkRefusals.tooManyRequests(wait) : refusal;
    }

    private static Uni<SecurityIdentity> refuse(ProblemException problem) {
        return Uni.createFrom().failure(new AuthenticationFailedException(problem.getMessage(), problem,
                Map.of(PROBLEM, problem)));
    }

    private static SecurityIdentity identity(LinkClaims claims, LinkState state) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("invitation:" + claims.invitationId()))
                .addRole(Roles.INVITEE)
                .addAttribute(INVITATION_ID, claims.invitationId())
                .addAttribute(LINK_VERSION, claims.linkVersion())
                .addAttribute(EXPIRES_AT, LinkRefusals.effectiveExpiry(claims, state))
                .build();
    }
}
