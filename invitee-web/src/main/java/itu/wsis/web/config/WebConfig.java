package itu.wsis.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;

/** Where the public APIs behind the pages live, and how the link cookie is sent. */
@ConfigMapping(prefix = "wsis.web")
public interface WebConfig {

    /** invitation-service (forum and letter): env {@code WSIS_INVITATION_URL}. */
    URI invitationUrl();

    /** registration-service (the reply): env {@code WSIS_REGISTRATION_URL}. */
    URI registrationUrl();

    /** speaking-request-service (sessions and the request): env {@code WSIS_SPEAKING_URL}. */
    URI speakingUrl();

    /**
     * Marks the link cookie Secure. On in production, where the pages are served over HTTPS; off only in the
     * local and test profiles, which serve plain HTTP on localhost.
     */
    @WithDefault("true")
    boolean secureCookies();
}
