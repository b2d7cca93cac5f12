package itu.wsis.registration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import itu.wsis.registration.domain.LateReplyPolicy;

import java.time.Duration;

@ConfigMapping(prefix = "wsis.registration")
public interface RegistrationConfig {

    /** What a forum uses until the secretariat sets its own settings. */
    Defaults defaults();

    RateLimits rateLimits();

    interface Defaults {
        @WithDefault("FLAG")
        LateReplyPolicy lateReplyPolicy();

        /** Head of delegation plus members. */
        @WithDefault("6")
        int maxDelegationSize();
    }

    interface RateLimits {
        /** Requests one personal link may make; generous for a person, tight for a script. */
        Rate perLink();

        /** Requests one client address may make over all links; several delegations can share an office NAT. */
        Rate perAddress();

        /** Buckets kept in memory per limiter; the least recently used go first. */
        @WithDefault("100000")
        int maxKeys();
    }

    interface Rate {
        int permits();

        Duration per();
    }
}
