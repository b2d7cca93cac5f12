package itu.wsis.web.security;

import io.vertx.ext.web.RoutingContext;
import itu.wsis.web.config.WebConfig;
import itu.wsis.web.page.Pages;
import itu.wsis.web.page.Pages.Trouble;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The CSRF check of every state-changing request (issue #14), before any resource runs:
 * <ol>
 *   <li>{@code Origin} must be the pages' own public origin ({@code WSIS_WEB_PUBLIC_URL}); without {@code Origin},
 *       the origin of {@code Referer}; with neither, the request is refused;</li>
 *   <li>the form's {@code csrf-token} must equal the {@code csrf-token} cookie (double submit) and be signed for the
 *       browser's own link cookie ({@link CsrfTokens}).</li>
 * </ol>
 * A refusal is a page in the invitee's language (403) and counts as a failure of the client's address
 * ({@link FailureLimiter}); nothing reaches a service.
 */
public class CsrfFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfTokens tokens;
    private final FailureLimiter failures;
    private final Pages pages;
    private final String origin;
    private final boolean secureCookies;

    public CsrfFilter(CsrfTokens tokens, FailureLimiter failures, Pages pages, WebConfig config) {
        this.tokens = tokens;
        this.failures = failures;
        this.pages = pages;
        this.origin = origin(config.publicUrl());
        this.secureCookies = config.secureCookies();
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String refusal = refusal(request, routing);
        if (refusal == null) {
            return null;
        }
        // Which check refused, never the values: the cookie is a credential.
        LOG.debugf("form refused: %s", refusal);
        var address = routing.request().remoteAddress();
        long wait = failures.fail(address == null ? null : address.hostAddress());
        var lang = routing.request().getCookie("wsis-lang");
        var language = lang == null ? null : itu.wsis.web.i18n.UiLanguage.of(lang.getValue()).orElse(null);
        if (wait > 0) {
            return Response.fromResponse(pages.trouble(Trouble.RATE_LIMITED, language))
                    .header("Retry-After", Long.toString(wait)).build();
        }
        return pages.trouble(Trouble.CSRF, language);
    }

    /** A newly minted token becomes the browser's cookie, so that its next form repeats it. */
    @ServerResponseFilter
    public void setCookie(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        String minted = routing.get(Csrf.MINTED);
        if (minted != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(Csrf.NAME).value(minted).path("/")
                    .httpOnly(true).secure(secureCookies).sameSite(NewCookie.SameSite.LAX).build());
        }
    }

    private String refusal(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String from = request.getHeaderString("Origin");
        if (from == null) {
            String referer = request.getHeaderString("Referer");
            if (referer == null) {
                return "neither Origin nor Referer";
            }
            from = origin(referer);
        }
        if (from == null || !from.equalsIgnoreCase(origin)) {
            return "origin " + from + " is not " + origin;
        }
        String cookie = Csrf.value(routing.request().getCookie(Csrf.NAME));
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(Csrf.NAME, true, false);
        if (cookie == null || !(field instanceof String sent) || sent.isEmpty()) {
            return "no token";
        }
        if (!MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            return "token and cookie differ";
        }
        if (!tokens.valid(sent, Csrf.value(routing.request().getCookie(Csrf.LINK_COOKIE)))) {
            return "token not signed for this link";
        }
        return null;
    }

    /** {@code scheme://host[:port]} of a URL, the way browsers write Origin; null when it is not an absolute URL. */
    static String origin(Object url) {
        try {
            URI uri = url instanceof URI u ? u : URI.create(url.toString());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }
}
