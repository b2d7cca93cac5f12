package itu.wsis.registration.rest;

import io.quarkus.security.identity.SecurityIdentity;
import itu.wsis.support.problem.ProblemException;

final class ReplyResources {

    private ReplyResources() {
    }

    static ProblemException versionNotFound() {
        return ProblemException.notFound("reply-version-not-found", "This invitation has no reply with that version.");
    }

    /** The JWT's upn: who recorded a reply or changed a setting, kept in the history. */
    static String who(SecurityIdentity identity) {
        return identity.getPrincipal().getName();
    }
}
