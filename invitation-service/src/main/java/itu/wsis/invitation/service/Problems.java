package itu.wsis.invitation.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.support.problem.ProblemException;

import java.util.UUID;

/**
 * The service's own problems: what is not found, and a unique constraint lost to a concurrent request. The domain's
 * refusals become problems in {@code rest.DomainProblemMappers}.
 */
final class Problems {

    private Problems() {
    }

    /**
     * Runs {@code flush} (the repository's flush, right after the persist) so that a unique constraint lost to a
     * concurrent request (the count checked before passed for both) answers 409 like the checked case, instead of
     * failing at commit as a 500.
     */
    static <T> Uni<T> unique(Uni<Void> flush, T value, String slug, String detail) {
        return flush.replaceWith(value)
                .onFailure(Problems::uniqueViolation).transform(e -> ProblemException.conflict(slug, detail));
    }

    static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || (t.getMessage() != null && t.getMessage().contains("23505"))) {
                return true;
            }
        }
        return false;
    }

    static <T> Uni<T> found(Uni<T> lookup, String what, UUID id) {
        return lookup.onItem().ifNull().failWith(() -> ProblemException.notFound(what + "-not-found",
                "No " + what.replace('-', ' ') + " " + id + "."));
    }
}
