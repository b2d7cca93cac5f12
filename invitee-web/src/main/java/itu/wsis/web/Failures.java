package itu.wsis.web;

import itu.wsis.web.i18n.UiLanguage;
import itu.wsis.web.page.Pages;
import itu.wsis.web.page.Pages.Trouble;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;

/** Failures answered with a page the invitee can read, never a stack trace or a bare status. */
public class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private final Pages pages;

    public Failures(Pages pages) {
        this.pages = pages;
    }

    /**
     * quarkus-rest-csrf refuses a POST whose token is missing or wrong by aborting with a bare 400. The pages'
     * own POSTs never answer a bare 400, so that status without a body, without a verified token, is the CSRF
     * check: it becomes a clear page (403) in the invitee's language, and the request never reached a service.
     */
    @ServerResponseFilter
    public void csrfRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if ("POST".equals(request.getMethod()) && response.getStatus() == 400 && !response.hasEntity()
                && request.getProperty("csrf_token_verified") == null) {
            Cookie lang = request.getCookies().get(InviteePages.LANG_COOKIE);
            Response page = pages.trouble(Trouble.CSRF, lang == null ? null : UiLanguage.of(lang.getValue()).orElse(null));
            response.setStatus(page.getStatus());
            response.setEntity(page.getEntity(), new Annotation[0], MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
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
