package itu.wsis.invitation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "wsis.invitation")
public interface InvitationConfig {

    /** How long a personal link keeps working after the end of the forum's in-person last day. */
    @WithDefault("P7D")
    Duration linkGrace();

    /** Most invitations a listing page may hold. */
    @WithDefault("200")
    int maxPageSize();

    Erasure erasure();

    interface Erasure {
        /**
         * The services that hold personal data and report each erasure; a request is done when all have. This
         * service is the first: it erases its own in the request's transaction.
         */
        @WithDefault("invitation-service,registration-service,speaking-request-service,notification-service")
        List<String> services();
    }
}
