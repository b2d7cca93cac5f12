package itu.wsis.planted.web.page;

import itu.wsis.planted.web.security.Guard;

/** Planted violation: a page uses a filter. */
public record SecurityReachingPage(Guard guard) {
}
