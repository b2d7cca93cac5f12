package itu.wsis.planted.web.security;

import itu.wsis.planted.web.config.PortalConfig;
import itu.wsis.planted.web.i18n.Words;
import itu.wsis.planted.web.page.PageModel;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Planted for PlantedViolationsArchitectureTest: conforms (a filter may render a refusal page). */
public class Guard {
    PortalConfig config;

    @ServerRequestFilter
    public void check() {
        new PageModel(Words.HELLO, null).toString();
    }
}
