package itu.wsis.invitation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "wsis.invitation")
public interface InvitationConfig {

    /** How long a personal link keeps working after the end of the forum's in-person last day. */
    @WithDefault("P7D")
    Duration linkGrace();

    /** Most invitations a listing page may hold. */
    @WithDefault("200")
    int maxPageSize();
}
