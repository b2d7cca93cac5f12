package itu.wsis.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit that {@link InviteeWebBrowserIT} runs on every page can fail: on a page planted with an image without a
 * text alternative and a field without a label, in the same headless Chromium (Debian's chromium, chromium-driver).
 */
class AxeAuditTest {

    static WebDriver browser;
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        assertThat(Path.of(InviteeWebBrowserIT.CHROMIUM)).as("Debian package chromium").isExecutable();
        assertThat(Path.of(InviteeWebBrowserIT.CHROMEDRIVER)).as("Debian package chromium-driver").isExecutable();
        dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "axe-audit-test"));
        browser = InviteeWebBrowserIT.chrome(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static void open(String name, String body) throws IOException {
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body><main><h1>%s</h1>%s</main></body></html>""".formatted(name, name, body), StandardCharsets.UTF_8);
        browser.get(page.toUri().toString());
    }

    @Test
    void anImageWithoutAltAndAnUnlabelledFieldFailTheAudit() throws IOException {
        open("planted", "<img src=\"logo.png\"><form><input type=\"text\" name=\"q\"></form>");
        assertThat(AxeAudit.failing(browser)).extracting(AxeAudit.Violation::rule).contains("image-alt", "label");
        assertThatThrownBy(() -> AxeAudit.check(browser, "the planted page")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the planted page").hasMessageContaining("image-alt")
                .hasMessageContaining("label").hasMessageContaining("input");
    }

    @Test
    void theSamePageWithAltTextAndALabelPasses() throws IOException {
        open("repaired", "<img src=\"logo.png\" alt=\"ITU\"><form><label for=\"q\">Search</label>"
                + "<input type=\"text\" id=\"q\" name=\"q\"></form>");
        assertThat(AxeAudit.failing(browser)).isEmpty();
        AxeAudit.check(browser, "the repaired page");
    }
}
