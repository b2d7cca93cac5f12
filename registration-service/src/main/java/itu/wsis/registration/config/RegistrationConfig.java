package itu.wsis.registration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import itu.wsis.registration.domain.LateReplyPolicy;

@ConfigMapping(prefix = "wsis.registration")
public interface RegistrationConfig {

    /** What a forum uses until the secretariat sets its own settings. */
    Defaults defaults();

    interface Defaults {
        @WithDefault("FLAG")
        LateReplyPolicy lateReplyPolicy();

        /** Head of delegation plus members. */
        @WithDefault("6")
        int maxDelegationSize();
    }
}
