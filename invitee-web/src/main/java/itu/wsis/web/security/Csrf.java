package itu.wsis.web.security;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The CSRF token of the current request, for the forms ({@code {inject:csrf.token}} in the templates): the
 * browser's token when it is still valid for its link, else a new one, which {@link CsrfFilter} then sets as the
 * cookie (double submit: the form repeats the cookie).
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    public static final String NAME = "csrf-token";
    /** The link cookie that tokens are bound to (set by the pages when the personal link is opened). */
    public static final String LINK_COOKIE = "wsis-link";
    static final String MINTED = Csrf.class.getName() + ".minted";

    private final CsrfTokens tokens;
    private final RoutingContext request;
    private String token;

    public Csrf(CsrfTokens tokens, RoutingContext request) {
        this.tokens = tokens;
        this.request = request;
    }

    public String getParameterName() {
        return NAME;
    }

    public String getToken() {
        if (token == null) {
            String link = value(request.request().getCookie(LINK_COOKIE));
            String current = value(request.request().getCookie(NAME));
            if (current != null && tokens.valid(current, link)) {
                token = current;
            } else {
                token = tokens.mint(link);
                request.put(MINTED, token);
            }
        }
        return token;
    }

    static String value(Cookie cookie) {
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }
}
