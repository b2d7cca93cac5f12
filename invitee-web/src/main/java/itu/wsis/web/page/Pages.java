package itu.wsis.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import itu.wsis.web.client.Api;
import itu.wsis.web.client.Models;
import itu.wsis.web.i18n.Messages;
import itu.wsis.web.i18n.PageMessages;
import itu.wsis.web.i18n.UiLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the pages. Every page answers text/html in UTF-8; the security headers come from the HTTP config. */
@ApplicationScoped
public class Pages {

    /** Why a link or a request cannot go further; each has a title and a text in every language. */
    public enum Trouble {
        /** Not a link we ever sent, or forged: 404. */
        INVALID(404),
        /** No link in this browser (cookie gone): 401. */
        NO_LINK(401),
        /** Expired: 410. */
        EXPIRED(410),
        /** Superseded by a newer link: 410. */
        REISSUED(410),
        /** The invitation was withdrawn by the secretariat: 410. */
        REVOKED(410),
        /** A form without its security token, or with a wrong one: 403. */
        CSRF(403),
        /** The services do not know the invitation yet (events still on their way): 503. */
        NOT_READY(503),
        /** A service is down or answered something unexpected: 502. */
        UNAVAILABLE(502),
        /** Too many requests from this address or with this link: 429, with the time to wait. */
        RATE_LIMITED(429),
        /** No visa support letter: the reply is not an acceptance in person, or no such delegate: 409. */
        VISA_LETTER_REFUSED(409);

        public final int status;

        Trouble(int status) {
            this.status = status;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The trouble a service's problem stands for, on the way in (opening the link or loading the page). */
        public static Trouble of(Api.Answer<?> answer) {
            Models.Problem p = answer.problem();
            String slug = p == null ? "" : p.slug();
            return switch (answer.status()) {
                case 401 -> slug.equals("personal-link-not-yet-active") ? NOT_READY : INVALID;
                case 404 -> INVALID;
                case 429 -> RATE_LIMITED;
                case 410 -> switch (slug) {
                    case "personal-link-reissued" -> REISSUED;
                    case "invitation-revoked" -> REVOKED;
                    default -> EXPIRED;
                };
                default -> UNAVAILABLE;
            };
        }
    }

    /**
     * The pages' templates, each checked at build time against its parameter: a misspelt {@code page.x} or
     * {@code msg:x} fails the build. The texts come from {@link PageMessages} in the locale of the page's language.
     */
    @CheckedTemplate(basePath = "", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance invitation(InvitationView page);

        static native TemplateInstance speaker(InvitationView page);

        static native TemplateInstance withdrawSpeaking(InvitationView page);

        static native TemplateInstance withdrawSeat(InvitationView page);

        static native TemplateInstance notice(Views.NoticeView page);
    }

    public Response invitation(InvitationPage page, int status, NewCookie... cookies) {
        InvitationView view = page.at(InvitationPage.PATH).view();
        return html(status, render(Templates.invitation(view), view.lang), cookies);
    }

    /** The change-of-speaker form of the delegation's active speaking request. */
    public Response speaker(InvitationPage page, int status, NewCookie... cookies) {
        InvitationView view = page.at(InvitationPage.SPEAKER_PATH).view();
        titled(view, Messages.of(page.language()).speaker_change_heading());
        return html(status, render(Templates.speaker(view), view.lang), cookies);
    }

    /** The confirmation asked before a speaking request is withdrawn (a GET never changes anything). */
    public Response withdrawSpeaking(InvitationPage page, int status, NewCookie... cookies) {
        InvitationView view = page.at(InvitationPage.WITHDRAW_SPEAKING_PATH).view();
        titled(view, Messages.of(page.language()).withdraw_speaking_heading());
        return html(status, render(Templates.withdrawSpeaking(view), view.lang), cookies);
    }

    /** The confirmation asked before the request for a seat at the round table is withdrawn. */
    public Response withdrawSeat(InvitationPage page, int status, NewCookie... cookies) {
        InvitationView view = page.at(InvitationPage.WITHDRAW_SEAT_PATH).view();
        titled(view, Messages.of(page.language()).withdraw_seat_heading());
        return html(status, render(Templates.withdrawSeat(view), view.lang), cookies);
    }

    /** Each page's own title first, then the forum's (WCAG 2.4.2). */
    private static void titled(InvitationView view, String heading) {
        view.title = heading + " — " + view.title;
    }

    /** {@code {msg:...}} speaks the page's language. */
    private static String render(TemplateInstance template, String language) {
        return template.setLocale(Locale.forLanguageTag(language)).render();
    }

    /**
     * A page about a link or a request that cannot go further. In the invitee's language when known; else in
     * English first, then the five other languages.
     */
    public Response trouble(Trouble trouble, UiLanguage known, NewCookie... cookies) {
        List<Views.Notice> notices = new ArrayList<>();
        List<UiLanguage> order = new ArrayList<>();
        if (known != null) {
            order.add(known);
        } else {
            order.add(UiLanguage.EN);
            for (UiLanguage l : UiLanguage.values()) {
                if (l != UiLanguage.EN) {
                    order.add(l);
                }
            }
        }
        for (UiLanguage l : order) {
            PageMessages t = Messages.of(l);
            notices.add(new Views.Notice(l.code(), l.dir(), title(t, trouble), text(t, trouble)));
        }
        UiLanguage page = known == null ? UiLanguage.EN : known;
        boolean retry = trouble == Trouble.CSRF || trouble == Trouble.NOT_READY || trouble == Trouble.UNAVAILABLE
                || trouble == Trouble.RATE_LIMITED || trouble == Trouble.VISA_LETTER_REFUSED;
        Views.NoticeView view = new Views.NoticeView(page.code(), page.dir(), notices.get(0).title(), notices,
                trouble.key(), retry);
        return html(trouble.status, render(Templates.notice(view), view.lang()), cookies);
    }

    private static String title(PageMessages t, Trouble trouble) {
        return switch (trouble) {
            case INVALID -> t.trouble_invalid_title();
            case NO_LINK -> t.trouble_no_link_title();
            case EXPIRED -> t.trouble_expired_title();
            case REISSUED -> t.trouble_reissued_title();
            case REVOKED -> t.trouble_revoked_title();
            case CSRF -> t.trouble_csrf_title();
            case NOT_READY -> t.trouble_not_ready_title();
            case UNAVAILABLE -> t.trouble_unavailable_title();
            case RATE_LIMITED -> t.trouble_rate_limited_title();
            case VISA_LETTER_REFUSED -> t.trouble_visa_letter_refused_title();
        };
    }

    private static String text(PageMessages t, Trouble trouble) {
        return switch (trouble) {
            case INVALID -> t.trouble_invalid_text();
            case NO_LINK -> t.trouble_no_link_text();
            case EXPIRED -> t.trouble_expired_text();
            case REISSUED -> t.trouble_reissued_text();
            case REVOKED -> t.trouble_revoked_text();
            case CSRF -> t.trouble_csrf_text();
            case NOT_READY -> t.trouble_not_ready_text();
            case UNAVAILABLE -> t.trouble_unavailable_text();
            case RATE_LIMITED -> t.trouble_rate_limited_text();
            case VISA_LETTER_REFUSED -> t.trouble_visa_letter_refused_text();
        };
    }

    private static Response html(int status, String body, NewCookie... cookies) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body)
                .cookie(cookies).build();
    }
}
