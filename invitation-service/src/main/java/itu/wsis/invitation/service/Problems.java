package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.invitation.domain.LifecycleViolation;

import java.util.UUID;
import java.util.function.Supplier;

/** How the domain's refusals become API problems. */
final class Problems {

    private Problems() {
    }

    /** Runs a domain transition; a lifecycle refusal becomes 409. */
    static <T> T lifecycle(Supplier<T> transition) {
        try {
            return transition.get();
        } catch (LifecycleViolation e) {
            throw ProblemException.conflict(e.slug(), e.getMessage());
        }
    }

    static void lifecycle(Runnable check) {
        lifecycle(() -> {
            check.run();
            return null;
        });
    }

    /**
     * Flushes now, so that a unique constraint lost to a concurrent request (the count checked before passed for
     * both) answers 409 like the checked case, instead of failing at commit as a 500.
     */
    static <T> Uni<T> flushUnique(T value, String slug, String detail) {
        return Panache.flush().replaceWith(value)
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
