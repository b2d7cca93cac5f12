package itu.wsis.planted.support.json;

import itu.wsis.planted.support.problem.Problems;

/** Planted violation: a basic tool uses the HTTP edge. */
public record ProblemReachingJson(Problems problems) {
}
