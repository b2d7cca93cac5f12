package itu.wsis.registration.rest;

import itu.wsis.registration.domain.InvalidReply;
import itu.wsis.registration.domain.ReplyRefused;
import itu.wsis.registration.domain.VisaLetterRefused;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Locale;

/**
 * The domain's refusals as problem documents: a broken rule is 400 on its field, a refused transition 409. A database
 * connection lost in the middle of a request is service-support's 503 ({@code ProblemMappers}), as in every service.
 */
public class DomainProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalid(InvalidReply e, UriInfo uri) {
        return problems.problem(ProblemException.badRequest(e.field(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response visaLetterRefused(VisaLetterRefused e, UriInfo uri) {
        ProblemException problem = switch (e.reason()) {
            case NOT_IN_PERSON -> ProblemException.conflict("visa-letter-not-in-person", e.getMessage());
            case UNKNOWN_MEMBER -> ProblemException.notFound("visa-letter-member-not-found", e.getMessage());
            case FORUM_DATES_UNKNOWN -> ProblemException.conflict("visa-letter-forum-dates-unknown", e.getMessage());
        };
        return problems.problem(problem, uri);
    }

    @ServerExceptionMapper
    public Response refused(ReplyRefused e, UriInfo uri) {
        String slug = switch (e.reason()) {
            case DEADLINE_PASSED -> "reply-deadline-passed";
            case LOCKED_AFTER_DEADLINE -> "reply-locked-after-deadline";
            case NOT_ACCEPTED -> "reply-not-accepted";
            case NOTHING_TO_CORRECT -> "no-reply-to-correct";
        };
        return problems.problem(ProblemException.conflict(slug, e.getMessage())
                .with("reason", e.reason().name().toLowerCase(Locale.ROOT)), uri);
    }
}
