package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders every kind of page in the six languages against {@link FakeServices} and stores the HTML under
 * {@code target/rendered-pages/<label>/} ({@code -Drendered.label=before|after}), so that a change of how the pages
 * are rendered (issue #19: checked templates, a Qute message bundle) can be compared with what they were before
 * (whitespace aside). A tool rather than a check: it runs only when {@code rendered.label} is given.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class RenderedPagesSnapshotTest {

    static final List<String> LANGUAGES = List.of("ar", "en", "es", "fr", "ru", "zh");

    @Test
    void everyPageKindInEveryLanguage() throws IOException {
        String label = System.getProperty("rendered.label");
        assumeTrue(label != null, "-Drendered.label=<label> renders the pages into target/rendered-pages/<label>");
        Path dir = Path.of("target", "rendered-pages", label);
        Files.createDirectories(dir);
        Map<String, UUID> invitations = new LinkedHashMap<>();
        invitations.put("english", FakeServices.ENGLISH);
        invitations.put("arabic", FakeServices.ARABIC);
        invitations.put("pending-rank", FakeServices.PENDING_RANK);
        invitations.put("allocated", FakeServices.ALLOCATED);
        invitations.put("speaking-down", FakeServices.SPEAKING_DOWN);
        invitations.put("speaking-not-ready", FakeServices.SPEAKING_NOT_READY);
        invitations.put("sessions-down", FakeServices.SESSIONS_DOWN);
        invitations.put("refusing", FakeServices.REFUSING);
        invitations.put("in-person-delegation", FakeServices.IN_PERSON_DELEGATION);
        invitations.put("remote-delegation", FakeServices.REMOTE_DELEGATION);
        invitations.put("remote-seat", FakeServices.REMOTE_SEAT);
        invitations.put("remote-no-link", FakeServices.REMOTE_NO_LINK);
        invitations.put("rt-open", FakeServices.RT_OPEN);
        invitations.put("rt-seated", FakeServices.RT_SEATED);
        invitations.put("rt-waiting", FakeServices.RT_WAITING);
        invitations.put("rt-released", FakeServices.RT_RELEASED);
        invitations.put("rt-requested", FakeServices.RT_REQUESTED);
        invitations.put("rt-seat-down", FakeServices.RT_SEAT_DOWN);
        int pages = 0;
        for (String lang : LANGUAGES) {
            for (Map.Entry<String, UUID> e : invitations.entrySet()) {
                pages += store(dir, "invitation-" + e.getKey() + "-" + lang,
                        get(e.getValue(), "/invitation?lang=" + lang));
            }
            pages += store(dir, "saved-" + lang, get(FakeServices.ALLOCATED, "/invitation?saved=speaker&lang=" + lang));
            pages += store(dir, "speaker-" + lang, get(FakeServices.ALLOCATED,
                    "/invitation/speaking-request/speaker?lang=" + lang));
            pages += store(dir, "withdraw-speaking-" + lang, get(FakeServices.ALLOCATED,
                    "/invitation/speaking-request/withdraw?lang=" + lang));
            pages += store(dir, "withdraw-seat-" + lang, get(FakeServices.RT_SEATED,
                    "/invitation/round-table/withdraw?round-table=" + FakeServices.ROUND_TABLE + "&lang=" + lang));
            pages += store(dir, "notice-revoked-" + lang, get(FakeServices.REVOKED, "/invitation?lang=" + lang));
            pages += store(dir, "notice-registration-down-" + lang, get(FakeServices.REGISTRATION_DOWN,
                    "/invitation?lang=" + lang));
            pages += store(dir, "refused-accept-" + lang, refusedAccept(lang));
        }
        pages += store(dir, "notice-no-link", given().get("/invitation"));
        pages += store(dir, "notice-expired", get(FakeServices.EXPIRED, "/invitation"));
        assertThat(pages).isEqualTo(LANGUAGES.size() * (invitations.size() + 7) + 2);
    }

    private static Response get(UUID invitation, String path) {
        return given().cookie("wsis-link", FakeServices.token(invitation)).get(path);
    }

    /** The accept form refused with field errors, in {@code lang} (remembered in the language cookie). */
    private static Response refusedAccept(String lang) {
        String link = FakeServices.token(FakeServices.ENGLISH);
        Response page = given().cookie("wsis-link", link).get("/invitation?lang=" + lang);
        Matcher field = InvitationPageRenderingTest.CSRF_FIELD.matcher(page.asString());
        assertThat(field.find()).isTrue();
        return given().cookie("wsis-link", link).cookie("wsis-lang", lang)
                .cookie("csrf-token", page.getCookie("csrf-token")).contentType(ContentType.URLENC)
                .header("Origin", CsrfTest.ORIGIN).formParam("csrf-token", field.group(1))
                .formParam("name", "Amina Diallo", "", "").formParam("title", "Minister", "", "")
                .formParam("email", "not-an-email", "", "").formParam("access", "", "", "").formParam("head", "0")
                .post("/invitation/accept");
    }

    private static int store(Path dir, String name, Response response) throws IOException {
        // The CSRF token differs per request: masked so that two runs compare.
        String html = response.asString().replaceAll("name=\"csrf-token\" value=\"[^\"]+\"",
                "name=\"csrf-token\" value=\"…\"");
        Files.writeString(dir.resolve(name + ".html"), response.statusCode() + "\n" + html, StandardCharsets.UTF_8);
        return 1;
    }
}
