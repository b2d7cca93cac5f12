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

    Retention retention();

    interface Retention {
        /**
         * How long a person's data is kept after their last invitation was issued (or, never invited, after their
         * entry was last written); then it is erased everywhere, as if the secretariat had asked. Matches
         * notification-service's {@code wsis.notifications.retention.personal-data} and the topics' retention.
         */
        @WithDefault("P400D")
        Duration personalData();

        /** How many people one run erases at most; the next run goes on. */
        @WithDefault("100")
        int batchSize();

        /** How often the run looks (a Quarkus scheduler period such as {@code 6h}, or {@code off}). */
        @WithDefault("6h")
        String purgeInterval();
    }

    interface Erasure {
        /**
         * The services that hold personal data and report each erasure; a request is done when all have. This
         * service is the first: it erases its own in the request's transaction.
         */
        @WithDefault("invitation-service,registration-service,speaking-request-service,notification-service")
        List<String> services();
    }
}
