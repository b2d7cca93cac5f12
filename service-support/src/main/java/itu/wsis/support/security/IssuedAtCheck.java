package itu.wsis.support.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a staff JWT issued in the future. SmallRye JWT checks the audience, the expiry, the maximum lifetime
 * ({@code smallrye.jwt.time-to-live}) and the maximum age ({@code mp.jwt.verify.token.age}), but an {@code iat} ahead
 * of the clock passes those (its age is negative), and would make a token live longer than the age limit allows.
 * The same clock skew as SmallRye's applies. Real time, not the business clock: tokens are issued in real time.
 */
@ApplicationScoped
public class IssuedAtCheck implements SecurityIdentityAugmentor {

    private final long skewSeconds;

    public IssuedAtCheck(@ConfigProperty(name = "smallrye.jwt.verify.clock-skew", defaultValue = "60") long skewSeconds) {
        this.skewSeconds = skewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            long issuedAt = jwt.getIssuedAtTime();
            long now = System.currentTimeMillis() / 1000;
            if (issuedAt > now + skewSeconds) {
                return Uni.createFrom().failure(new AuthenticationFailedException(
                        "token issued in the future (iat " + issuedAt + ", now " + now + ")"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
