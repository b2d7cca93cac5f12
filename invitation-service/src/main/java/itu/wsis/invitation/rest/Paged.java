package itu.wsis.invitation.rest;

import itu.wsis.invitation.domain.PageOf;
import itu.wsis.support.problem.Problem;
import itu.wsis.support.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** A page of a listing: {@code page} counts from 0, {@code total} is the number of matches over all pages. */
record Paged<T>(List<T> items, int page, int size, long total) {

    static <T> Paged<T> of(PageOf<T> page) {
        return new Paged<>(page.items(), page.page(), page.size(), page.total());
    }

    static void check(int page, int size, int maxSize) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new Problem.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > maxSize) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + maxSize));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
