package itu.wsis.speaking.rest;

import itu.wsis.speaking.domain.SpeakingRequestRefused;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** The speaking rules' refusals as problem documents: an input at fault is 400 on its field, a refusal 409. */
public class DomainProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response refused(SpeakingRequestRefused e, UriInfo uri) {
        if (e.field() != null) {
            return problems.problem(ProblemException.badRequest(e.field(), e.getMessage()), uri);
        }
        ProblemException problem = ProblemException.conflict(e.slug(), e.getMessage());
        for (Map.Entry<String, Object> member : e.details().entrySet()) {
            problem = problem.with(member.getKey(), member.getValue());
        }
        return problems.problem(problem, uri);
    }
}
