package itu.wsis.support.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.List;

/**
 * With proxy address forwarding on and no trusted proxy listed, Quarkus believes forwarding headers from any peer,
 * so any client could choose the address its rate limits count against. A service refuses to start that way:
 * {@code WSIS_TRUSTED_PROXIES} must name the proxies (docs/security-auth.md).
 */
@ApplicationScoped
public class TrustedProxyGuard {

    void onStart(@Observes StartupEvent start, Config config) {
        boolean forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
                .orElse(false);
        List<String> trusted = config.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class)
                .orElse(List.of());
        refuseTrustingEveryone(forwarding, trusted);
    }

    static void refuseTrustingEveryone(boolean forwarding, List<String> trusted) {
        if (forwarding && trusted.stream().allMatch(String::isBlank)) {
            throw new IllegalStateException("quarkus.http.proxy.trusted-proxies is empty, which would trust forwarding"
                    + " headers from every client: set WSIS_TRUSTED_PROXIES to the addresses of the proxies in front"
                    + " of this service");
        }
    }
}
