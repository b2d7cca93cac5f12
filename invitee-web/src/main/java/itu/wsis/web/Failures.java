package itu.wsis.web;

import itu.wsis.web.page.Pages;
import itu.wsis.web.page.Pages.Trouble;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Failures answered with a page the invitee can read, never a stack trace or a bare status. */
public class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private final Pages pages;

    public Failures(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            return web.getResponse();
        }
        LOG.error("unexpected failure of an invitee page", e);
        return pages.trouble(Trouble.UNAVAILABLE, null);
    }
}
