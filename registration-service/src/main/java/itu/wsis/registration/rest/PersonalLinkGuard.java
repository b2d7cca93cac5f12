package itu.wsis.registration.rest;

import itu.wsis.registration.config.RegistrationConfig;
import itu.wsis.registration.service.ReplyService;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.support.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The door of the invitee endpoints. Per client address first, so that guessing tokens costs a forger his own
 * budget before any signature check; per link after the signature, so that a stolen link cannot be hammered and
 * a forged token cannot spend someone else's budget. The link must name the invitation in the path: any other
 * id answers 404 exactly as an unknown one would.
 */
@ApplicationScoped
public class PersonalLinkGuard {

    private final PersonalLinks links;
    private final RateLimiter perAddress;
    private final RateLimiter perLink;

    public PersonalLinkGuard(PersonalLinks links, RegistrationConfig config) {
        this.links = links;
        RegistrationConfig.RateLimits limits = config.rateLimits();
        this.perAddress = new RateLimiter(limits.perAddress().permits(), limits.perAddress().per(), limits.maxKeys());
        this.perLink = new RateLimiter(limits.perLink().permits(), limits.perLink().per(), limits.maxKeys());
    }

    public LinkClaims admit(UUID invitationId, String token, String clientAddress) {
        perAddress.acquire(clientAddress == null ? "unknown" : clientAddress);
        LinkClaims claims = links.verify(token);
        perLink.acquire(claims.invitationId() + "/" + claims.linkVersion());
        if (!claims.invitationId().equals(invitationId)) {
            throw ReplyService.invitationNotFound();
        }
        return claims;
    }
}
