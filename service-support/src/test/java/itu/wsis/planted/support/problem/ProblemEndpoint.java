package itu.wsis.planted.support.problem;

import jakarta.ws.rs.Path;

/** Planted violation: a resource not named *Resource. */
@Path("/endpoint")
public class ProblemEndpoint {
}
