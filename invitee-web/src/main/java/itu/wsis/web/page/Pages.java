package itu.wsis.web.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import itu.wsis.web.client.Api;
import itu.wsis.web.client.Models;
import itu.wsis.web.i18n.Messages;
import itu.wsis.web.i18n.UiLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final Template invitation;
    private final Template notice;
    private final Template speaker;
    private final Template withdrawSpeaking;
    private final Template withdrawSeat;

    public Pages(@Location("invitation.html") Template invitation, @Location("notice.html") Template notice,
                 @Location("speaker.html") Template speaker,
                 @Location("withdraw-speaking.html") Template withdrawSpeaking,
                 @Location("withdraw-seat.html") Template withdrawSeat) {
        this.invitation = invitation;
        this.notice = notice;
        this.speaker = speaker;
        this.withdrawSpeaking = withdrawSpeaking;
        this.withdrawSeat = withdrawSeat;
    }

    public Response invitation(InvitationPage page, int status, NewCookie... cookies) {
        return html(status, invitation.data(page.at(InvitationPage.PATH).data()).render(), cookies);
    }

    /** The change-of-speaker form of the delegation's active speaking request. */
    public Response speaker(InvitationPage page, int status, NewCookie... cookies) {
        return html(status, speaker.data(titled(page.at(InvitationPage.SPEAKER_PATH).data(),
                "speaker_change_heading")).render(), cookies);
    }

    /** The confirmation asked before a speaking request is withdrawn (a GET never changes anything). */
    public Response withdrawSpeaking(InvitationPage page, int status, NewCookie... cookies) {
        return html(status, withdrawSpeaking.data(titled(page.at(InvitationPage.WITHDRAW_SPEAKING_PATH).data(),
                "withdraw_speaking_heading")).render(), cookies);
    }

    /** The confirmation asked before the request for a seat at the round table is withdrawn. */
    public Response withdrawSeat(InvitationPage page, int status, NewCookie... cookies) {
        return html(status, withdrawSeat.data(titled(page.at(InvitationPage.WITHDRAW_SEAT_PATH).data(),
                "withdraw_seat_heading")).render(), cookies);
    }

    /** Each page's own title first, then the forum's (WCAG 2.4.2). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> titled(Map<String, Object> data, String headingKey) {
        Map<String, String> t = (Map<String, String>) data.get("t");
        data.put("title", t.get(headingKey) + " — " + data.get("title"));
        return data;
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
            notices.add(new Views.Notice(l.code(), l.dir(), Messages.get(l, "trouble_" + trouble.key() + "_title"),
                    Messages.get(l, "trouble_" + trouble.key() + "_text")));
        }
        UiLanguage page = known == null ? UiLanguage.EN : known;
        Map<String, Object> data = new HashMap<>();
        data.put("t", Messages.of(page));
        data.put("lang", page.code());
        data.put("dir", page.dir());
        data.put("title", notices.get(0).title());
        data.put("notices", notices);
        data.put("trouble", trouble.key());
        data.put("retry", trouble == Trouble.CSRF || trouble == Trouble.NOT_READY || trouble == Trouble.UNAVAILABLE
                || trouble == Trouble.RATE_LIMITED || trouble == Trouble.VISA_LETTER_REFUSED);
        return html(trouble.status, notice.data(data).render(), cookies);
    }

    private static Response html(int status, String body, NewCookie... cookies) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body)
                .cookie(cookies).build();
    }
}
