package itu.wsis.planted.web.page;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Planted violation: a filter outside security. */
public class StrayFilter {
    @ServerResponseFilter
    public void touch() {
    }
}
