package itu.wsis.planted.web.page;

import itu.wsis.planted.web.Portal;

/** Planted violation: a page uses the resource. */
public record PortalReachingPage(Portal portal) {
}
