package itu.wsis.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where the public APIs behind the pages live, where the pages are published, and how forms are protected. */
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

    /**
     * Where invitees reach these pages, e.g. {@code https://invitation.wsis.itu.int}: env {@code WSIS_WEB_PUBLIC_URL}.
     * A form is accepted only with an {@code Origin} (or, without one, a {@code Referer}) of this origin.
     */
    URI publicUrl();

    /**
     * Signs the CSRF tokens: env {@code WSIS_WEB_CSRF_KEY}, at least 32 characters. Without it a random key is
     * generated at startup, which is fine for one instance; several instances need the same configured key.
     */
    Optional<String> csrfKey();

    /** Failures (a link that is not one, no link, a refused form) one client address may make. */
    Rate failuresPerAddress();

    /** Addresses kept in memory by the failure budget; the least recently used go first. */
    @WithDefault("100000")
    int maxAddresses();

    interface Rate {
        int permits();

        Duration per();
    }
}
