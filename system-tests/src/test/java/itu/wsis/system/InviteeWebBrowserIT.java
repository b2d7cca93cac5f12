package itu.wsis.system;

import io.restassured.specification.RequestSpecification;
import itu.wsis.system.scenario.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invitee pages in a real browser (Debian's headless Chromium), on the whole system as processes: the link is
 * taken from the invitation email as delivered by SMTP, and every step goes through the pages only. The
 * secretariat's side (demo data, sessions, revocation) goes through the staff APIs, as in {@link DemoJourneyIT}.
 * A screenshot of every step lands in system-tests/target/screenshots/, and every page the JavaScript-enabled browser
 * reaches is audited for accessibility with axe-core ({@link AxeAudit}): a serious or critical violation fails the
 * test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InviteeWebBrowserIT {

    static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<>]+/r/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+))");
    static final String CHROMIUM = System.getProperty("wsis.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("wsis.chromedriver", "/usr/bin/chromedriver");

    static SystemStack stack;
    static String secretariat;
    static String ops;
    static Path screenshots;
    static WebDriver browser;
    /** Personal link (as mailed) by invitation id, for every invitation email received. */
    static final Map<UUID, String> links = new HashMap<>();
    static int shot;
    static boolean sessionsLoaded;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Path.of(CHROMIUM)).as("Debian package chromium").isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as("Debian package chromium-driver").isExecutable();
        stack = SystemStack.start(Map.of());
        secretariat = stack.tokens().issue("secretariat");
        ops = stack.tokens().issue("ops");
        screenshots = Path.of(System.getProperty("wsis.root", "..")).resolve("system-tests/target/screenshots");
        Files.createDirectories(screenshots);

        at("invitation-service").auth().oauth2(secretariat).post("/ops/demo-data").then().statusCode(200);
        await().atMost(Duration.ofMinutes(3)).until(() -> mailedLinks().size() >= 193);
        links.putAll(mailedLinks());
        browser = chrome(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
        // The audit really ran on the pages (a screenshot of the JavaScript browser is taken on each of them).
        assertThat(AxeAudit.audited()).as("pages audited with axe-core").isGreaterThanOrEqualTo(20);
    }

    @Test
    @Order(1)
    void theLinkFromTheEmailOpensTheInvitationAcceptsAndRequestsSpeakingTime() {
        UUID id = invitationIn("en");
        String link = links.get(id);
        assertThat(link).startsWith(stack.service(SystemStack.WEB).baseUrl() + "/r/");
        awaitKnownToRegistration(id);

        browser.get(link);
        // The token leaves the address bar at once: it now travels in an HttpOnly cookie only.
        assertThat(browser.getCurrentUrl()).endsWith("/invitation").doesNotContain(token(link));
        screenshot("en-01-invitation");
        assertThat(html().getAttribute("lang")).isEqualTo("en");
        assertThat(html().getAttribute("dir")).isEqualTo("ltr");
        assertThat(text("h1")).contains("Forum 2022");
        assertThat(pageText()).contains("CL-22/010").contains("Geneva time").contains("You have not replied yet.");
        assertThat(text("#deadline-geneva")).contains("April 15, 2022").contains("11:59");

        // Switch language and back: the page follows, the letter text with it.
        follow(By.cssSelector("a[hreflang=fr]"));
        assertThat(html().getAttribute("lang")).isEqualTo("fr");
        assertThat(text("#deadline-geneva")).contains("15 avril 2022").contains("heure de Genève");
        screenshot("en-02-switched-to-french");
        follow(By.cssSelector("a[hreflang=en]"));
        assertThat(html().getAttribute("lang")).isEqualTo("en");

        acceptInPersonWithTwoDelegates("Amina Aldane", "Minister", "Kofi Mensah", "Senior Adviser");
        assertThat(text("#saved")).isEqualTo("Thank you. Your acceptance has been recorded.");
        assertThat(text("#reply-status")).isEqualTo("You have accepted the invitation.");
        assertThat(text("#reply-delegation")).contains("Amina Aldane").contains("Kofi Mensah").contains("Yes");
        screenshot("en-03-accepted");
        Map<String, Object> reply = registrationView(id);
        assertThat(reply).containsEntry("status", "ACCEPTED").containsEntry("mode", "IN_PERSON");
        assertThat((List<?>) reply.get("delegation")).hasSize(2);

        // An in-person delegation: one visa support letter per delegate, a PDF served with the page's own cookie
        // (the audited page above carries the links).
        List<WebElement> visaLinks = browser.findElements(By.cssSelector("a.visa-letter"));
        assertThat(visaLinks).hasSize(2);
        URI visaLink = URI.create(visaLinks.get(0).getAttribute("href"));
        byte[] letter = given().baseUri(stack.service(SystemStack.WEB).baseUrl())
                .cookie("wsis-link", browser.manage().getCookieNamed("wsis-link").getValue())
                .get(visaLink.getRawPath() + "?" + visaLink.getRawQuery())
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(letter, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        requestSpeakingTime(id, "ICTs for well-being, inclusion and resilience", "en-04");
        assertThat(browser.findElement(By.id("speaking-status")).getAttribute("data-status")).isEqualTo("ALLOCATED");
        assertThat(text("#speaking-session")).isNotBlank();
        assertThat(text("#speaking-time")).contains("Geneva time");
        assertThat(text("#speaking-position")).startsWith("Speaker number");
        // The demo sessions have a room at the venue: an in-person speaker is told where to go.
        assertThat(text("#speaking-place")).contains("Room");
        scrollTo("speaking-status");
        screenshot("en-05-allocated");
        assertThat(given().baseUri(stack.service("speaking-request-service").baseUrl())
                .header("WSIS-Personal-Link", token(link)).get("/invitations/" + id + "/speaking-request")
                .then().statusCode(200).extract().<String>path("status")).isEqualTo("ALLOCATED");

        // The slot in Geneva time and, when the invitee's clock (zone known to invitation-service) reads otherwise
        // then, in theirs.
        String zone = at("invitation-service").header("WSIS-Personal-Link", token(link))
                .get("/invitations/" + id + "/letter").then().statusCode(200).extract().path("inviteeTimeZone");
        java.time.Instant start = java.time.Instant.parse(at("speaking-request-service")
                .header("WSIS-Personal-Link", token(link)).get("/invitations/" + id + "/speaking-request")
                .then().statusCode(200).extract().path("seat.plannedStart"));
        assertThat(text("#speaking-time-geneva")).endsWith("Geneva time");
        boolean sameClock = zone == null || java.time.ZoneId.of(zone).getRules().getOffset(start)
                .equals(java.time.ZoneId.of("Europe/Zurich").getRules().getOffset(start));
        if (sameClock) {
            assertThat(browser.findElements(By.id("speaking-time-local"))).isEmpty();
        } else {
            assertThat(text("#speaking-time-local")).contains("in your time zone (" + zone + ")");
        }

        // Real links: the forum's site, its speaking-request page, the partnership offers, the contact person.
        assertThat(browser.findElement(By.id("forum-site-link")).getAttribute("href")).startsWith("https://");
        assertThat(browser.findElement(By.id("speaking-info-link")).getAttribute("href")).startsWith("https://");
        assertThat(browser.findElement(By.id("partnership-link")).getAttribute("href")).startsWith("https://");
        assertThat(browser.findElement(By.id("contact-email")).getAttribute("href")).startsWith("mailto:");
        assertThat(browser.findElement(By.id("contact-phone")).getAttribute("href")).matches("tel:\\+?[0-9]+");

        // A new speaker: a substitute of another rank.
        follow(By.id("change-speaker-link"));
        assertThat(browser.getCurrentUrl()).endsWith("/invitation/speaking-request/speaker");
        screenshot("en-06-speaker-form");
        browser.findElement(By.id("speaker-substitute")).click();
        browser.findElement(By.id("speaker-name")).clear();
        browser.findElement(By.id("speaker-name")).sendKeys("Kofi Mensah");
        browser.findElement(By.id("speaker-title")).clear();
        browser.findElement(By.id("speaker-title")).sendKeys("Deputy Minister");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("speaker-rank")))
                .selectByValue("DEPUTY_MINISTER");
        follow(By.id("speaker-submit"));
        assertThat(text("#saved")).isEqualTo("The new speaker has been recorded.");
        assertThat(text("#speaking-speaker")).contains("Kofi Mensah").contains("substitute");
        screenshot("en-07-speaker-changed");
        assertThat(given().baseUri(stack.service("speaking-request-service").baseUrl())
                .header("WSIS-Personal-Link", token(link)).get("/invitations/" + id + "/speaking-request")
                .then().statusCode(200).extract().<String>path("speaker.name")).isEqualTo("Kofi Mensah");

        // Withdrawal: a confirmation page first; keeping the request changes nothing.
        follow(By.id("withdraw-speaking-link"));
        screenshot("en-08-withdraw-confirmation");
        assertThat(text("h1")).isEqualTo("Withdraw the request for speaking time");
        follow(By.id("keep-speaking-link"));
        // The new speaker's rank may have moved the request to the waiting list; either way it is still active.
        assertThat(browser.findElement(By.id("speaking-status")).getAttribute("data-status"))
                .isIn("ALLOCATED", "WAITLISTED");
        follow(By.id("withdraw-speaking-link"));
        follow(By.id("withdraw-speaking-submit"));
        assertThat(text("#saved")).isEqualTo("Your request for speaking time has been withdrawn.");
        assertThat(browser.findElement(By.id("speaking-status")).getAttribute("data-status")).isEqualTo("WITHDRAWN");
        assertThat(browser.findElements(By.id("withdraw-speaking-link"))).isEmpty();
        screenshot("en-09-withdrawn");
        assertThat(given().baseUri(stack.service("speaking-request-service").baseUrl())
                .header("WSIS-Personal-Link", token(link)).get("/invitations/" + id + "/speaking-request")
                .then().statusCode(200).extract().<String>path("status")).isEqualTo("WITHDRAWN");
    }

    @Test
    @Order(2)
    void theSameJourneyInArabicReadsRightToLeft() {
        UUID id = invitationIn("ar");
        awaitKnownToRegistration(id);
        browser.manage().deleteAllCookies();
        browser.get(links.get(id));
        screenshot("ar-01-invitation");
        assertThat(html().getAttribute("lang")).isEqualTo("ar");
        assertThat(html().getAttribute("dir")).isEqualTo("rtl");
        assertThat(text("#reply-h")).isEqualTo("ردكم");
        assertThat(text("#deadline-geneva")).contains("بتوقيت جنيف");
        assertThat(browser.findElement(By.cssSelector("article.letter")).getAttribute("lang")).isEqualTo("ar");

        acceptInPersonWithTwoDelegates("ليلى حداد", "وزيرة", "سامي خليل", "مستشار");
        assertThat(html().getAttribute("dir")).isEqualTo("rtl");
        assertThat(text("#saved")).isEqualTo("شكراً لكم. سُجّل قبولكم.");
        assertThat(text("#reply-delegation")).contains("ليلى حداد").contains("سامي خليل");
        screenshot("ar-02-accepted");

        requestSpeakingTime(id, "تكنولوجيا المعلومات والاتصالات من أجل الرفاه", "ar-03");
        assertThat(browser.findElement(By.id("speaking-status")).getAttribute("data-status")).isEqualTo("ALLOCATED");
        assertThat(text("#speaking-status")).contains("خُصّص لكم وقت للكلمة.");
        scrollTo("speaking-status");
        screenshot("ar-04-allocated");

        // The secretariat holds the request on the waiting list: the page gives its place, in Western digits.
        String requestId = at("speaking-request-service").header("WSIS-Personal-Link", token(links.get(id)))
                .get("/invitations/" + id + "/speaking-request").then().statusCode(200).extract().path("id");
        at("speaking-request-service").auth().oauth2(secretariat).contentType("application/json")
                .post("/speaking-requests/" + requestId + "/waitlist").then().statusCode(200);
        browser.get(stack.service(SystemStack.WEB).baseUrl() + "/invitation");
        assertThat(browser.findElement(By.id("speaking-status")).getAttribute("data-status")).isEqualTo("WAITLISTED");
        assertThat(text("#speaking-position")).contains("قائمة الانتظار").containsPattern("[0-9]")
                .doesNotContainPattern("[\u0660-\u0669]");
        screenshot("ar-05-waitlisted");

        // The change-of-speaker page and the withdrawal's confirmation, right to left.
        follow(By.id("change-speaker-link"));
        assertThat(html().getAttribute("dir")).isEqualTo("rtl");
        assertThat(text("h1")).isEqualTo("تغيير المتكلم");
        screenshot("ar-06-speaker-form");
        follow(By.id("back-link"));
        follow(By.id("withdraw-speaking-link"));
        assertThat(text("h1")).isEqualTo("سحب طلب وقت الكلمة");
        screenshot("ar-07-withdraw-confirmation");
    }

    @Test
    @Order(3)
    void aRevokedLinkOpensAClearPageAnswering410() throws Exception {
        UUID id = invitationIn("fr");
        String link = links.get(id);
        at("invitation-service").auth().oauth2(secretariat).contentType("application/json")
                .body(Map.of("reason", "Sent to the wrong ministry")).post("/invitations/" + id + "/revoke")
                .then().statusCode(200);

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("strict-origin");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'self'"));

        browser.manage().deleteAllCookies();
        browser.get(link);
        screenshot("revoked-01-page");
        // The invitee's language (French) is known from invitation-service's answer.
        assertThat(html().getAttribute("lang")).isEqualTo("fr");
        assertThat(text("h1")).isEqualTo("Cette invitation a été retirée");
        assertThat(browser.findElements(By.tagName("form"))).isEmpty();
    }

    @Test
    @Order(4)
    void aFormWithATamperedCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        UUID id = invitationIn("es");
        awaitKnownToRegistration(id);
        browser.manage().deleteAllCookies();
        browser.get(links.get(id));
        assertThat(html().getAttribute("lang")).isEqualTo("es");
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('#decline-form input[name=\"csrf-token\"]').value = 'tampered';");
        browser.findElement(By.id("reason")).sendKeys("No estaremos disponibles");
        follow(By.id("decline-submit"));
        screenshot("csrf-01-refused");
        assertThat(text("h1")).isEqualTo("No se ha podido aceptar su formulario");
        assertThat(browser.findElement(By.tagName("h1")).getAttribute("data-trouble")).isEqualTo("csrf");

        // Without any token or cookie at all (a cross-site form post): refused the same way.
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.service(SystemStack.WEB).baseUrl() + "/invitation/decline"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "wsis-link=" + token(links.get(id)))
                .POST(HttpRequest.BodyPublishers.ofString("reason=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        // Registration recorded nothing.
        assertThat(registrationView(id)).isNull();
        follow(By.linkText("Volver a la invitación"));
        assertThat(text("#reply-status")).isEqualTo("Todavía no ha respondido.");
    }

    @Test
    @Order(5)
    void withJavaScriptOffAcceptWorksByKeyboardAlone() {
        UUID id = invitationIn("ru");
        awaitKnownToRegistration(id);
        WebDriver noScript = chrome(false);
        try {
            noScript.get(links.get(id));
            assertThat(noScript.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
            // JavaScript is really off: a script cannot run, so the page has to work as plain forms.
            screenshot(noScript, "nojs-01-invitation");
            noScript.findElement(By.id("mode-REMOTE")).sendKeys(Keys.SPACE);
            noScript.findElement(By.id("name-0")).sendKeys("Иван Петров");
            noScript.findElement(By.id("title-0")).sendKeys("Министр");
            noScript.findElement(By.id("email-0")).sendKeys("ivan.petrov@example.org");
            noScript.findElement(By.id("accept-submit")).sendKeys(Keys.ENTER);
            screenshot(noScript, "nojs-02-accepted");
            assertThat(noScript.findElement(By.id("saved")).getText()).isEqualTo("Спасибо. Ваше согласие зарегистрировано.");
            Map<String, Object> reply = registrationView(id);
            assertThat(reply).containsEntry("status", "ACCEPTED").containsEntry("mode", "REMOTE");

            // A field left wrong comes back tied to its field, in the page's language.
            noScript.findElement(By.id("email-1")).sendKeys("not-an-email");
            noScript.findElement(By.id("name-1")).sendKeys("Анна Смирнова");
            noScript.findElement(By.id("accept-submit")).sendKeys(Keys.ENTER);
            screenshot(noScript, "nojs-03-field-error");
            WebElement email = noScript.findElement(By.id("email-1"));
            assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(email.getAttribute("aria-describedby")).contains("email-1-error");
            assertThat(noScript.findElement(By.id("email-1-error")).getText())
                    .isEqualTo("Введите адрес электронной почты в формате имя@example.org.");
            assertThat(noScript.findElement(By.id("title-1-error")).getText()).isEqualTo("Введите звание или должность.");
            assertThat(noScript.findElement(By.cssSelector(".error-summary a[href='#email-1']"))).isNotNull();
            assertThat((List<?>) registrationView(id).get("delegation")).hasSize(1);
        } finally {
            noScript.quit();
        }
    }

    /**
     * The demo's Ministerial Round Table (2 June 2022, 16:30 Geneva): a seat asked for, shown, withdrawn behind a
     * confirmation. A delegation of its own, so that this journey's page views count against a link budget of their
     * own at speaking-request-service (60 a minute). The demo has one round table: number 1 on the page.
     */
    @Test
    @Order(6)
    void aMinisterTakesASeatAtTheRoundTableAndReleasesIt() {
        UUID id = invitationIn("en");
        awaitKnownToRegistration(id);
        browser.manage().deleteAllCookies();
        browser.get(links.get(id));
        acceptInPersonWithTwoDelegates("Grace Mwangi", "Minister", "Peter Otieno", "Adviser");
        requestSeat(id, "rt-01");
        assertThat(text("#round-table-title-1")).contains("Ministerial Round Table");
        assertThat(browser.findElements(By.id("round-table-2"))).isEmpty();
        assertThat(text("#round-table-time-geneva-1")).contains("June 2, 2022").contains("4:30").endsWith("Geneva time");
        assertThat(browser.findElement(By.id("seat-status-1")).getAttribute("data-status")).isEqualTo("ALLOCATED");
        assertThat(text("#seat-status-1")).contains("Seated: a seat at the round table is reserved for your delegation.");
        assertThat(text("#seat-position-1")).startsWith("Seat number");
        assertThat(text("#seat-place-1")).contains("Room");
        // A seat, never a speaking slot: the section has no statement, speaker number or time limit.
        assertThat(text("#round-table")).doesNotContain("statement").doesNotContain("Speaker number")
                .doesNotContain("minute");
        scrollTo("round-table");
        screenshot("rt-02-seated");
        assertThat(seatStatus(id)).isEqualTo("ALLOCATED");

        follow(By.id("withdraw-seat-link-1"));
        screenshot("rt-03-withdraw-seat-confirmation");
        assertThat(text("h1")).isEqualTo("Withdraw the request for a seat at the round table");
        follow(By.id("withdraw-seat-submit"));
        assertThat(text("#saved")).isEqualTo("Your request for a seat at the round table has been withdrawn.");
        assertThat(browser.findElement(By.id("seat-status-1")).getAttribute("data-status")).isEqualTo("WITHDRAWN");
        assertThat(text("#seat-status-1")).contains("Released");
        // Released: the delegation may ask again.
        assertThat(browser.findElements(By.id("seat-form-1"))).hasSize(1);
        scrollTo("round-table");
        screenshot("rt-04-seat-released");
        assertThat(seatStatus(id)).isEqualTo("WITHDRAWN");
    }

    // ---------------------------------------------------------------- steps

    static void acceptInPersonWithTwoDelegates(String name1, String title1, String name2, String title2) {
        browser.findElement(By.id("mode")).click();
        browser.findElement(By.id("name-0")).sendKeys(name1);
        browser.findElement(By.id("title-0")).sendKeys(title1);
        browser.findElement(By.id("email-0")).sendKeys("head." + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
        browser.findElement(By.id("name-1")).sendKeys(name2);
        browser.findElement(By.id("title-1")).sendKeys(title2);
        browser.findElement(By.id("email-1")).sendKeys("adviser." + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
        browser.findElement(By.id("access-1")).sendKeys("Step-free access");
        assertThat(browser.findElement(By.id("head")).isSelected()).isTrue();
        screenshot(browser, "accept-form-" + html().getAttribute("lang"));
        follow(By.id("accept-submit"));
        // A refusal shows the page again with the reason: name it rather than only "no #saved". The answer is a new
        // page, so nothing of the form's page is touched after the click.
        try {
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> !browser.findElements(By.id("saved")).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException shownBelow) {
            // the assertion below shows the page
        }
        screenshot(browser, "accept-answered");
        assertThat(browser.findElements(By.id("saved"))).as("the page after the accept:%n%s", pageText()).isNotEmpty();
    }

    /**
     * Sessions come from the secretariat's demo data; the speaking-request service learns the acceptance from
     * registration's events, so the form may be refused for a moment: the invitee would simply try again. Every
     * look at the page costs a call of the link's budget at speaking-request-service (60 a minute; four calls before
     * the pages read its overview), and the page is looked at every 5 s, as a person trying again would.
     */
    static void requestSpeakingTime(UUID id, String topic, String step) {
        loadDemoSessions();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            browser.get(stack.service(SystemStack.WEB).baseUrl() + "/invitation");
            if (browser.findElements(By.id("speaking-form")).isEmpty()) {
                return !browser.findElements(By.id("speaking-status")).isEmpty();
            }
            browser.findElement(By.id("speaker-name")).sendKeys("Speaker " + id.toString().substring(0, 4));
            browser.findElement(By.id("speaker-title")).sendKeys("Minister");
            browser.findElement(By.id("sessions")).click();
            browser.findElement(By.id("modality")).click();
            browser.findElement(By.id("topic")).sendKeys(topic);
            screenshot(step + "-speaking-form");
            follow(By.id("speaking-submit"));
            return !browser.findElements(By.id("saved")).isEmpty();
        });
        screenshot(step + "-speaking-saved");
    }

    /** The demo's sessions and round table, from the secretariat's demo data of speaking-request-service, once. */
    static void loadDemoSessions() {
        if (!sessionsLoaded) {
            await().atMost(Duration.ofMinutes(3)).until(() -> at("speaking-request-service").auth().oauth2(secretariat)
                    .contentType("application/json").post("/ops/demo-data").statusCode() / 100 == 2);
            sessionsLoaded = true;
        }
    }

    /**
     * A seat at the demo's round table for the invited Minister, in person, through the page's form. The demo
     * sessions are loaded by {@link #requestSpeakingTime}, which every journey runs first.
     */
    static void requestSeat(UUID id, String step) {
        loadDemoSessions();
        // speaking-request-service learns the acceptance from registration's events: the form comes once it has.
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                browser.get(stack.service(SystemStack.WEB).baseUrl() + "/invitation");
                return !browser.findElements(By.id("seat-form-1")).isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException shownBelow) {
            // the assertion below shows the page
        }
        assertThat(browser.findElements(By.id("seat-form-1"))).as("the round table's form:%n%s", pageText()).hasSize(1);
        browser.findElement(By.id("seat-name-1")).sendKeys("Minister " + id.toString().substring(0, 4));
        browser.findElement(By.id("seat-title-1")).sendKeys("Minister");
        browser.findElement(By.id("seat-modality-1")).click();
        scrollTo("seat-form-1");
        screenshot(step + "-seat-form");
        follow(By.id("seat-submit-1"));
        assertThat(browser.findElements(By.id("saved"))).as("the page after the seat request:%n%s", pageText())
                .isNotEmpty();
        screenshot(step + "-seat-saved");
    }

    /**
     * The delegation's request for a seat at the forum's round table, as speaking-request-service has it: in the
     * overview the pages read, the forum's one round table and the one seat request.
     */
    static String seatStatus(UUID id) {
        String link = token(links.get(id));
        var overview = at("speaking-request-service").header("WSIS-Personal-Link", link)
                .get("/invitations/" + id + "/speaking-overview").then().statusCode(200).extract().jsonPath();
        List<String> tables = overview.getList("sessions.findAll { it.kind == 'MINISTERIAL_ROUND_TABLE' }.id");
        assertThat(tables).hasSize(1);
        List<String> seats = overview.getList("requests.findAll { it.sessionKind == 'MINISTERIAL_ROUND_TABLE' }.status");
        assertThat(seats).hasSize(1);
        assertThat(overview.getList("requests.findAll { it.sessionKind == 'MINISTERIAL_ROUND_TABLE' }"
                + ".preferredSessionIds[0]", String.class)).containsExactly(tables.get(0));
        assertThat(overview.getList("requests.findAll { it.sessionKind == 'MINISTERIAL_ROUND_TABLE' }.topic"))
                .containsOnlyNulls();
        return seats.get(0);
    }

    // ---------------------------------------------------------------- helpers

    static WebDriver chrome(boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=en-GB",
                "--window-size=1280,2400");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        // The driver is Debian's: nothing is downloaded (Selenium Manager is not asked when the path is given).
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 2400));
        return driver;
    }

    static void screenshot(String name) {
        screenshot(browser, name);
    }

    /** A screenshot of the step; the browser with JavaScript (the one WebDriver can inject axe-core into) is audited. */
    static void screenshot(WebDriver driver, String name) {
        if (driver == browser) {
            AxeAudit.check(driver, name);
        }
        try {
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++shot, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Clicks a link or a submit button and waits for the page it leads to. Chrome may answer the click before the
     * navigation has begun, and then the next look finds the page being left: the clean-clone CI of 76567eb found no
     * #saved on a page whose text, read a moment later, showed it.
     */
    static void follow(By target) {
        WebElement leaving = html();
        browser.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> left(leaving));
        wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /**
     * Whether the document {@code element} belongs to has been replaced. Caught between the two documents, Chrome may
     * answer "Node with given id does not belong to the document" instead of a stale reference, which
     * {@code ExpectedConditions.stalenessOf} lets through as an error (the clean-clone CI of d677a61).
     */
    private static boolean left(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    static void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id(id)));
    }

    static WebElement html() {
        return browser.findElement(By.tagName("html"));
    }

    /** An element's text; when it is missing, the failure shows what the page said instead (and a screenshot). */
    static String text(String css) {
        try {
            return browser.findElement(By.cssSelector(css)).getText().trim();
        } catch (org.openqa.selenium.NoSuchElementException missing) {
            screenshot("missing-" + css.replaceAll("[^A-Za-z0-9-]", ""));
            String page = pageText();
            throw new AssertionError("no " + css + " on " + browser.getCurrentUrl() + "; the page says: "
                    + page.substring(0, Math.min(800, page.length())), missing);
        }
    }

    static String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    static RequestSpecification at(String service) {
        return given().baseUri(stack.service(service).baseUrl());
    }

    static Map<UUID, String> mailedLinks() {
        Map<UUID, String> found = new HashMap<>();
        for (MimeMessage message : stack.receivedMail()) {
            Matcher m = LINK.matcher(Mailbox.text(message));
            if (m.find()) {
                found.put(Mailbox.invitationIdOf(m.group(2)), m.group(1));
            }
        }
        return found;
    }

    static String token(String link) {
        Matcher m = LINK.matcher(link);
        assertThat(m.find()).isTrue();
        return m.group(2);
    }

    /** An invitation of the demo in the given preferred language that no earlier test has used. */
    static UUID invitationIn(String language) {
        List<String> ids = at("invitation-service").auth().oauth2(ops).queryParam("language", language)
                .queryParam("status", "ISSUED").queryParam("size", 50).get("/invitations")
                .then().statusCode(200).extract().path("items.id");
        UUID id = ids.stream().map(UUID::fromString).filter(links::containsKey).filter(InviteeWebBrowserIT::unused)
                .findFirst().orElseThrow(() -> new AssertionError("no unused invitation in " + language));
        USED.add(id);
        return id;
    }

    static final java.util.Set<UUID> USED = new java.util.HashSet<>();

    static boolean unused(UUID id) {
        return !USED.contains(id);
    }

    static void awaitKnownToRegistration(UUID id) {
        await().atMost(Duration.ofMinutes(3)).until(() -> at("registration-service")
                .header("WSIS-Personal-Link", token(links.get(id))).get("/invitations/" + id).statusCode() == 200);
    }

    /** The current reply as registration-service has it, or null. */
    static Map<String, Object> registrationView(UUID id) {
        return at("registration-service").header("WSIS-Personal-Link", token(links.get(id)))
                .get("/invitations/" + id).then().statusCode(200).extract().path("reply");
    }
}
