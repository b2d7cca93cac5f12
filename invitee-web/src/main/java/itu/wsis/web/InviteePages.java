package itu.wsis.web;

import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import itu.wsis.web.client.Api;
import itu.wsis.web.client.Api.Answer;
import itu.wsis.web.client.Models;
import itu.wsis.web.config.WebConfig;
import itu.wsis.web.i18n.Messages;
import itu.wsis.web.i18n.PageMessages;
import itu.wsis.web.i18n.Texts;
import itu.wsis.web.i18n.UiLanguage;
import itu.wsis.web.page.AcceptForm;
import itu.wsis.web.page.FormErrors;
import itu.wsis.web.page.InvitationPage;
import itu.wsis.web.page.InvitationPage.Form;
import itu.wsis.web.page.Links;
import itu.wsis.web.page.Pages;
import itu.wsis.web.page.Pages.Trouble;
import itu.wsis.web.page.SeatForm;
import itu.wsis.web.page.SpeakerForm;
import itu.wsis.web.page.SpeakingForm;
import itu.wsis.web.security.FailureLimiter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.UUID;

/**
 * The invitee's pages. {@code /r/{token}} is the link in the email: it checks the link with invitation-service,
 * moves the token into an HttpOnly cookie and redirects to {@code /invitation}, so that the token leaves the
 * address bar and the history. Every change is a POST of a server-rendered form, checked for CSRF (origin, and a
 * signed token bound to the link) by {@link itu.wsis.web.security.CsrfFilter} before it gets here, answered by a
 * redirect (POST-redirect-GET) or, when refused, by the page with its errors.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class InviteePages {

    static final String LINK_COOKIE = "wsis-link";
    static final String LANG_COOKIE = "wsis-lang";
    /** The confirmations a redirect may ask the page to show ({@code ?saved=}); anything else is ignored. */
    static final List<String> SAVED = List.of("accepted", "declined", "withdrawn", "speaking", "speaker",
            "speaking_withdrawn", "seat", "seat_withdrawn");

    private final Api api;
    private final Pages pages;
    private final WebConfig config;
    private final FailureLimiter failures;

    public InviteePages(Api api, Pages pages, WebConfig config, FailureLimiter failures) {
        this.api = api;
        this.pages = pages;
        this.config = config;
        this.failures = failures;
    }

    @GET
    public Response home() {
        return pages.trouble(Trouble.NO_LINK, null);
    }

    @GET
    @Path("r/{token}")
    public Response open(@PathParam("token") String token, @Context HttpServerRequest request) {
        UUID id = Links.invitationOf(token).orElse(null);
        if (id == null) {
            return failure(Trouble.INVALID, request);
        }
        Answer<Models.LetterView> letter = api.letter(id, token, client(request));
        if (!letter.ok()) {
            return trouble(letter, request);
        }
        return redirect("/invitation").cookie(cookie(LINK_COOKIE, token)).build();
    }

    @GET
    @Path("invitation")
    public Response page(@QueryParam("lang") String lang, @QueryParam("saved") String saved,
                         @CookieParam(LINK_COOKIE) String token, @CookieParam(LANG_COOKIE) String remembered,
                         @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Loaded loaded = load(token, lang, remembered, headers, request, true);
        if (loaded.trouble != null) {
            return loaded.trouble;
        }
        String savedKey = saved != null && SAVED.contains(saved) ? saved : null;
        // Remembered so that the pages that cannot ask the services (a refused form) speak the same language.
        return pages.invitation(loaded.page.saved(savedKey), 200, cookie(LANG_COOKIE, loaded.lang.code()));
    }

    /**
     * A delegate's visa support letter, from registration-service with the link, passed on as it comes; a refusal
     * (not an in-person acceptance, no such delegate) is a page saying why, in the invitee's language.
     */
    @GET
    @Path("invitation/visa-letters/{member}")
    public Response visaLetter(@PathParam("member") int member, @QueryParam("lang") String lang,
                               @CookieParam(LINK_COOKIE) String token, @CookieParam(LANG_COOKIE) String remembered,
                               @Context HttpHeaders headers, @Context HttpServerRequest request) {
        UUID id = Links.invitationOf(token).orElse(null);
        if (id == null) {
            return failure(Trouble.NO_LINK, request);
        }
        UiLanguage language = UiLanguage.choose(lang, remembered, null, headers.getAcceptableLanguages());
        Answer<byte[]> letter = api.visaLetter(id, member, language.code(), token, client(request));
        if (letter.ok()) {
            return Response.ok(letter.body(), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"visa-letter-" + member + ".pdf\"")
                    .header("Cache-Control", "no-store")
                    .build();
        }
        if (letter.status() == 409 || (letter.status() == 404
                && letter.problem() != null && letter.problem().slug().startsWith("visa-letter-"))) {
            return pages.trouble(Trouble.VISA_LETTER_REFUSED, language);
        }
        return trouble(letter, request);
    }

    @POST
    @Path("invitation/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@RestForm String mode, @RestForm List<String> name, @RestForm List<String> title,
                           @RestForm List<String> email, @RestForm List<String> access, @RestForm String head,
                           @CookieParam(LINK_COOKIE) String token, @CookieParam(LANG_COOKIE) String remembered,
                           @Context HttpHeaders headers, @Context HttpServerRequest request) {
        AcceptForm form = AcceptForm.of(mode, name, title, email, access, head);
        FormErrors errors = form.validate();
        return submit(errors, token, remembered, headers, request,
                true, id -> api.accept(id, token, client(request), form.toBody()), "accepted", form::fieldId,
                (page, e, problem) -> pages.invitation(page.acceptForm(form).failed(Form.ACCEPT, e, problem), 422));
    }

    @POST
    @Path("invitation/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@RestForm String reason, @CookieParam(LINK_COOKIE) String token,
                            @CookieParam(LANG_COOKIE) String remembered, @Context HttpHeaders headers,
                            @Context HttpServerRequest request) {
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        FormErrors errors = new FormErrors();
        if (text != null && text.length() > 2000) {
            errors.add("reason", "error_too_long");
        }
        return submit(errors, token, remembered, headers, request,
                true, id -> api.decline(id, token, client(request), new Models.DeclineBody(text)), "declined",
                field -> "reason".equals(field) ? "reason" : "",
                (page, e, problem) -> pages.invitation(page.declineReason(reason).failed(Form.DECLINE, e, problem), 422));
    }

    @POST
    @Path("invitation/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@CookieParam(LINK_COOKIE) String token, @CookieParam(LANG_COOKIE) String remembered,
                             @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return submit(new FormErrors(), token, remembered, headers, request,
                true, id -> api.withdraw(id, token, client(request)), "withdrawn", field -> "",
                (page, e, problem) -> pages.invitation(page.failed(Form.WITHDRAW, e, problem), 422));
    }

    @POST
    @Path("invitation/speaking-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response speak(@RestForm String speaker, @RestForm("speaker-name") String name,
                          @RestForm("speaker-title") String title, @RestForm("speaker-rank") String rank,
                          @RestForm List<String> sessions, @RestForm String language, @RestForm String modality,
                          @RestForm String topic, @CookieParam(LINK_COOKIE) String token,
                          @CookieParam(LANG_COOKIE) String remembered, @Context HttpHeaders headers,
                          @Context HttpServerRequest request) {
        SpeakingForm form = SpeakingForm.of(speaker, name, title, rank, sessions, language, modality, topic);
        FormErrors errors = form.validate();
        return submit(errors, token, remembered, headers, request,
                false, id -> api.submitSpeakingRequest(id, token, client(request), form.toBody()), "speaking",
                SpeakingForm::fieldId,
                (page, e, problem) -> pages.invitation(page.speakingForm(form).failed(Form.SPEAKING, e, problem), 422));
    }

    /** The change-of-speaker form; without an active request there is nothing to change: back to the invitation. */
    @GET
    @Path("invitation/speaking-request/speaker")
    public Response speakerPage(@QueryParam("lang") String lang, @CookieParam(LINK_COOKIE) String token,
                                @CookieParam(LANG_COOKIE) String remembered, @Context HttpHeaders headers,
                                @Context HttpServerRequest request) {
        Loaded loaded = load(token, lang, remembered, headers, request, false);
        if (loaded.trouble != null) {
            return loaded.trouble;
        }
        if (!loaded.page.activeRequest()) {
            return redirect("/invitation").build();
        }
        return pages.speaker(loaded.page, 200, cookie(LANG_COOKIE, loaded.lang.code()));
    }

    @POST
    @Path("invitation/speaking-request/speaker")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeSpeaker(@RestForm String speaker, @RestForm("speaker-name") String name,
                                  @RestForm("speaker-title") String title, @RestForm("speaker-rank") String rank,
                                  @CookieParam(LINK_COOKIE) String token, @CookieParam(LANG_COOKIE) String remembered,
                                  @Context HttpHeaders headers, @Context HttpServerRequest request) {
        SpeakerForm form = SpeakerForm.of(speaker, name, title, rank);
        return submit(form.validate(), token, remembered, headers, request,
                false, id -> api.changeSpeaker(id, token, client(request), form.toBody()), "speaker",
                SpeakerForm::fieldId,
                (page, e, problem) -> pages.speaker(page.speakerForm(form).failed(Form.SPEAKER, e, problem), 422));
    }

    /** Withdrawing is final: a confirmation page first, whose form does it. */
    @GET
    @Path("invitation/speaking-request/withdraw")
    public Response confirmSpeakingWithdrawal(@QueryParam("lang") String lang, @CookieParam(LINK_COOKIE) String token,
                                              @CookieParam(LANG_COOKIE) String remembered,
                                              @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Loaded loaded = load(token, lang, remembered, headers, request, false);
        if (loaded.trouble != null) {
            return loaded.trouble;
        }
        if (!loaded.page.activeRequest()) {
            return redirect("/invitation").build();
        }
        return pages.withdrawSpeaking(loaded.page, 200, cookie(LANG_COOKIE, loaded.lang.code()));
    }

    @POST
    @Path("invitation/speaking-request/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawSpeakingRequest(@CookieParam(LINK_COOKIE) String token,
                                            @CookieParam(LANG_COOKIE) String remembered, @Context HttpHeaders headers,
                                            @Context HttpServerRequest request) {
        return submit(new FormErrors(), token, remembered, headers, request,
                false, id -> api.withdrawSpeakingRequest(id, token, client(request)), "speaking_withdrawn",
                field -> "",
                (page, e, problem) -> page.activeRequest()
                        ? pages.withdrawSpeaking(page.failed(Form.SPEAKING_WITHDRAW, e, problem), 422)
                        : pages.invitation(page.failed(Form.SPEAKING_WITHDRAW, e, problem), 422));
    }

    /**
     * A request for a seat at one of the forum's ministerial round tables ({@code round-table}: its id, from the form),
     * naming that round table alone and without a topic: a seat has no statement. Which round tables the forum has
     * is the service's to check (a session of another kind or forum is refused). A rank that may not sit comes back
     * as {@code round-table-ministers-only}, shown on that round table's form in the page's language.
     */
    @POST
    @Path("invitation/round-table")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestSeat(@RestForm("round-table") String table, @RestForm("seat-holder") String speaker,
                                @RestForm("seat-name") String name, @RestForm("seat-title") String title,
                                @RestForm("seat-rank") String rank, @RestForm("seat-language") String language,
                                @RestForm("seat-modality") String modality, @CookieParam(LINK_COOKIE) String token,
                                @CookieParam(LANG_COOKIE) String remembered, @Context HttpHeaders headers,
                                @Context HttpServerRequest request) {
        SeatForm form = SeatForm.of(speaker, name, title, rank, language, modality);
        UUID roundTable = uuid(table);
        return submit(form.validate(), token, remembered, headers, request, false,
                id -> roundTable == null ? notFound("session-not-found")
                        : api.submitSpeakingRequest(id, token, client(request), form.toBody(roundTable)),
                "seat", SeatForm::fieldId,
                (page, e, problem) -> pages.invitation(page.seatForm(roundTable, form).failed(Form.SEAT, e, problem),
                        422),
                "refused_seat_");
    }

    /**
     * Withdrawing a seat request frees the seat for the next delegation: a confirmation page first, for the round
     * table named by {@code round-table}.
     */
    @GET
    @Path("invitation/round-table/withdraw")
    public Response confirmSeatWithdrawal(@QueryParam("round-table") String table, @QueryParam("lang") String lang,
                                          @CookieParam(LINK_COOKIE) String token,
                                          @CookieParam(LANG_COOKIE) String remembered,
                                          @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Loaded loaded = load(token, lang, remembered, headers, request, false);
        if (loaded.trouble != null) {
            return loaded.trouble;
        }
        UUID roundTable = uuid(table);
        if (!loaded.page.activeSeat(roundTable)) {
            return redirect("/invitation").build();
        }
        return pages.withdrawSeat(loaded.page.showTable(roundTable), 200, cookie(LANG_COOKIE, loaded.lang.code()));
    }

    /** The seat request at the round table the form names; without one, nothing to withdraw: the page says so. */
    @POST
    @Path("invitation/round-table/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawSeatRequest(@RestForm("round-table") String table, @CookieParam(LINK_COOKIE) String token,
                                        @CookieParam(LANG_COOKIE) String remembered, @Context HttpHeaders headers,
                                        @Context HttpServerRequest request) {
        UUID roundTable = uuid(table);
        FormErrors errors = new FormErrors();
        return submit(errors, token, remembered, headers, request, false,
                id -> roundTable == null ? notFound("speaking-request-not-found")
                        : api.withdrawSeatRequest(id, roundTable, token, client(request)),
                "seat_withdrawn", field -> "",
                (page, e, problem) -> page.activeSeat(roundTable)
                        ? pages.withdrawSeat(page.showTable(roundTable).failed(Form.SEAT_WITHDRAW, e, problem), 422)
                        : pages.invitation(page.failed(Form.SEAT_WITHDRAW, e, problem), 422),
                "refused_seat_");
    }

    /** What the service would answer about a form this module can tell is about nothing: 404 with that slug. */
    private static Answer<Void> notFound(String slug) {
        return new Answer<>(404, null, new Models.Problem("urn:wsis:problem:" + slug, "", 404, "", List.of(), null,
                null));
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How a refused form is shown again: the page with the form as sent, its field errors and the refusal. */
    @FunctionalInterface
    private interface Refused {
        Response render(InvitationPage page, FormErrors errors, String problem);
    }

    /**
     * One submission: valid → the service → redirect to the page with a confirmation; refused → the page again,
     * the form as sent, errors tied to their fields (422), or the service's refusal for the form as a whole, as a
     * sentence in the page's language. A link the service judged bad, a rate limit, or a service that failed (5xx)
     * or could not be reached gets its own page instead of the form. {@code speakingOptional}: the form is one of
     * the reply's, shown again on the invitation page even when speaking-request-service fails ({@link #load}).
     */
    private Response submit(FormErrors errors, String token, String remembered, HttpHeaders headers,
                            HttpServerRequest request, boolean speakingOptional,
                            java.util.function.Function<UUID, Answer<Void>> call,
                            String savedKey, java.util.function.UnaryOperator<String> fieldOf, Refused show) {
        return submit(errors, token, remembered, headers, request, speakingOptional, call, savedKey, fieldOf, show,
                "refused_");
    }

    /**
     * {@code refusals}: the prefix of the message keys of the service's refusals; the seat forms have their own
     * ({@code refused_seat_}), since the same refusal (request-exists, request-closed) means a seat there.
     */
    private Response submit(FormErrors errors, String token, String remembered, HttpHeaders headers,
                            HttpServerRequest request, boolean speakingOptional,
                            java.util.function.Function<UUID, Answer<Void>> call,
                            String savedKey, java.util.function.UnaryOperator<String> fieldOf, Refused show,
                            String refusals) {
        UUID id = Links.invitationOf(token).orElse(null);
        if (id == null) {
            return failure(Trouble.NO_LINK, request);
        }
        Models.Problem refused = null;
        if (errors.isEmpty()) {
            Answer<Void> answer = call.apply(id);
            if (answer.ok()) {
                return redirect("/invitation?saved=" + savedKey).build();
            }
            if (answer.status() >= 500) {
                return unavailable(answer, UiLanguage.of(remembered).orElse(null));
            }
            if (answer.status() == 401 || answer.status() == 410 || answer.status() == 429
                    || answer.status() == 404 && !REFUSALS_AS_404.contains(answer.problem().slug())) {
                return trouble(answer, request);
            }
            Models.Problem p = answer.problem();
            boolean tiedToFields = false;
            if (answer.status() == 400 && p.errors() != null) {
                for (Models.FieldError e : p.errors()) {
                    String field = fieldOf.apply(e.field());
                    if (!field.isEmpty()) {
                        errors.add(field, "error_invalid");
                        tiedToFields = true;
                    }
                }
            }
            if (!tiedToFields) {
                refused = p;
            }
        }
        Loaded loaded = load(token, null, remembered, headers, request, speakingOptional);
        if (loaded.trouble != null) {
            return loaded.trouble;
        }
        String problem = refused == null ? null : refusal(refused, loaded.lang, refusals);
        return show.render(loaded.page, errors, problem);
    }

    /** 404s that refuse the request itself rather than the link: the request the form was about is gone. */
    static final java.util.Set<String> REFUSALS_AS_404 = java.util.Set.of("speaking-request-not-found",
            "session-not-found");

    /**
     * A service's refusal as a sentence in the page's language: the pages' own translation for each refusal they
     * know, else a general one. Never the service's {@code detail}: it is English, for developers.
     */
    static String refusal(Models.Problem p, UiLanguage lang) {
        return refusal(p, lang, "refused_");
    }

    /** As {@link #refusal(Models.Problem, UiLanguage)}, a form's own wording ({@code prefix}) first. */
    static String refusal(Models.Problem p, UiLanguage lang, String prefix) {
        String slug = p.slug().replace('-', '_');
        PageMessages t = Messages.of(lang);
        String own = Texts.refusal(t, prefix + slug);
        String known = own != null ? own : Texts.refusal(t, "refused_" + slug);
        return known != null ? known : t.refused_generic();
    }

    /** A service failed (5xx) or could not be reached: "try again later", never a form that pretends all is well. */
    private Response unavailable(Answer<?> answer, UiLanguage language) {
        Response page = pages.trouble(Trouble.UNAVAILABLE, language);
        Long seconds = answer.problem() == null ? null : answer.problem().retryAfterSeconds();
        return seconds == null ? page : Response.fromResponse(page).header("Retry-After", Long.toString(seconds)).build();
    }

    private record Loaded(InvitationPage page, UiLanguage lang, Response trouble) {
    }

    /**
     * Everything the page shows, from the three services, with the link from the cookie. Registration and invitation
     * are the page's core: when either fails, the page cannot be shown. speaking-request-service is not, on the
     * invitation page ({@code speakingOptional}): when it fails or cannot be reached, the invitee can still reply,
     * and only the speaking-time section says to try again later. The pages about the speaking request itself
     * cannot do without it.
     */
    private Loaded load(String token, String lang, String remembered, HttpHeaders headers, HttpServerRequest request,
                        boolean speakingOptional) {
        UUID id = Links.invitationOf(token).orElse(null);
        if (id == null) {
            return new Loaded(null, null, failure(Trouble.NO_LINK, request));
        }
        String client = client(request);
        Answer<Models.LetterView> letter = api.letter(id, token, client);
        if (!letter.ok()) {
            return new Loaded(null, null, trouble(letter, request));
        }
        UiLanguage language = UiLanguage.choose(lang, remembered, letter.body().preferredLanguage(),
                headers.getAcceptableLanguages());
        Answer<Models.InvitationView> invitation = api.invitation(id, token, client);
        if (!invitation.ok()) {
            Trouble trouble = invitation.status() == 404 ? Trouble.NOT_READY : Trouble.of(invitation);
            return new Loaded(null, language, retryAfter(pages.trouble(trouble, language), invitation));
        }
        InvitationPage page = new InvitationPage(language, letter.body(), invitation.body());
        Models.Reply reply = invitation.body().reply();
        if (reply != null && reply.accepted()) {
            // One call for the sessions and requests of both kinds: the link's budget there counts every call.
            Answer<Models.SpeakingOverview> speaking = api.speakingOverview(id, token, client);
            if (speakingOptional && failed(speaking)) {
                return new Loaded(page.speakingUnavailable(), language, null);
            }
            Response stop = speakingTrouble(speaking, language, request);
            if (stop != null) {
                return new Loaded(null, language, stop);
            }
            if (speaking.ok() && speaking.body() != null) {
                page.speaking(speaking.body());
            }
            page.speakingNotReady(notReady(speaking));
        }
        return new Loaded(page, language, null);
    }

    /**
     * speaking-request-service's answer, when it stops the page: it failed or could not be reached (a page saying
     * to try again later, not a form as if the delegation had no request), limited the rate, or judged the link bad.
     * Null when the page can go on: an answer, or the invitation not known there yet ({@link #notReady}).
     */
    private Response speakingTrouble(Answer<?> answer, UiLanguage language, HttpServerRequest request) {
        if (answer.ok() || notReady(answer)) {
            return null;
        }
        if (answer.status() == 429) {
            return retryAfter(pages.trouble(Trouble.RATE_LIMITED, language), answer);
        }
        if (answer.status() == 401 || answer.status() == 404 || answer.status() == 410) {
            return trouble(answer, request);
        }
        return unavailable(answer, language);
    }

    /** The service failed (5xx) or could not be reached ({@link Api} answers 503 then). */
    private static boolean failed(Answer<?> answer) {
        return answer.status() >= 500;
    }

    /** The service does not know the invitation or its acceptance yet: its events are still on their way. */
    private static boolean notReady(Answer<?> answer) {
        String slug = answer.problem() == null ? "" : answer.problem().slug();
        return answer.status() == 409 || answer.status() == 401 && slug.equals("personal-link-not-yet-active");
    }

    /**
     * A service refused the link or the request. A link it judged bad (401, 404, 410) leaves the browser; one that is
     * only rate-limited (429) stays, and the page says when to come back.
     */
    private Response trouble(Answer<?> answer, HttpServerRequest request) {
        UiLanguage known = answer.problem() == null ? null : UiLanguage.of(answer.problem().language()).orElse(null);
        boolean badLink = answer.status() == 401 || answer.status() == 404 || answer.status() == 410;
        Response page = badLink ? pages.trouble(Trouble.of(answer), known, expire(LINK_COOKIE))
                : pages.trouble(Trouble.of(answer), known);
        return retryAfter(page, answer);
    }

    private static Response retryAfter(Response page, Answer<?> answer) {
        Long seconds = answer.problem() == null ? null : answer.problem().retryAfterSeconds();
        return answer.status() == 429 && seconds != null
                ? Response.fromResponse(page).header("Retry-After", Long.toString(seconds)).build() : page;
    }

    /** A failure this module finds by itself: it spends the client address's failure budget (docs/security-auth.md). */
    private Response failure(Trouble trouble, HttpServerRequest request) {
        long wait = failures.fail(client(request));
        if (wait > 0) {
            return Response.fromResponse(pages.trouble(Trouble.RATE_LIMITED, null))
                    .header("Retry-After", Long.toString(wait)).build();
        }
        return pages.trouble(trouble, null);
    }

    /**
     * A 303 to a path of these pages, with a relative {@code Location} (RFC 9110 allows it). JAX-RS would make the
     * path absolute from the request's {@code Host} header, which the client chooses: {@code Host: evil.test}
     * would then redirect the invitee to {@code http://evil.test/invitation}.
     */
    private static Response.ResponseBuilder redirect(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path);
    }

    private NewCookie cookie(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(config.secureCookies())
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private NewCookie expire(String name) {
        return new NewCookie.Builder(name).value("").path("/").httpOnly(true).secure(config.secureCookies())
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }

    /**
     * The client's address as Quarkus established it: the peer's, or the one a trusted proxy in front of this module
     * forwarded (quarkus.http.proxy.*, WSIS_TRUSTED_PROXIES). Never this module's own: the services count it.
     */
    private static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
