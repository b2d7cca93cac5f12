package itu.wsis.invitation.rest;

import itu.wsis.invitation.domain.InvalidChange;
import itu.wsis.invitation.domain.LifecycleViolation;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The domain's refusals as problem documents: a broken rule is 400 on its field, a refused transition 409 with the
 * refusal's slug. A database connection lost in the middle of a request is service-support's 503
 * ({@code ProblemMappers}), as in every service.
 */
public class DomainProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalid(InvalidChange e, UriInfo uri) {
        return problems.problem(ProblemException.badRequest(e.field(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response refused(LifecycleViolation e, UriInfo uri) {
        return problems.problem(ProblemException.conflict(e.slug(), e.getMessage()), uri);
    }
}
