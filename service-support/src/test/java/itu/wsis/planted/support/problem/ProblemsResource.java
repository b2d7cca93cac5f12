package itu.wsis.planted.support.problem;

import jakarta.ws.rs.Path;

/** Planted for PlantedViolationsArchitectureTest: conforms. */
@Path("/problems")
public class ProblemsResource {
    Problems problems;
}
