package itu.wsis.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import itu.wsis.contracts.NodeTools;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The automated accessibility audit of a page open in the browser: axe-core (npm, pinned in
 * {@code system-tests/a11y/package-lock.json}, installed with {@code npm ci} by {@link NodeTools} on first use) is
 * injected through WebDriver and run on the whole document. The pages themselves serve no script: WebDriver's
 * script runs outside the page's Content-Security-Policy.
 */
public final class AxeAudit {

    /** The impacts that fail a page (issue #17: zero serious violations on every page). */
    public static final Set<String> FAILING = Set.of("serious", "critical");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;
    private static final java.util.concurrent.atomic.AtomicInteger AUDITED = new java.util.concurrent.atomic.AtomicInteger();

    private AxeAudit() {
    }

    /** One rule a page breaks, with the elements (CSS selectors) that break it. */
    public record Violation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return "[" + impact + "] " + rule + ": " + help + " " + targets;
        }
    }

    /** Every violation axe-core finds on the page now in {@code driver}, whatever its impact. */
    public static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(axeSource());
        Object raw = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(JSON.stringify(r.violations)))
                    .catch(e => done(JSON.stringify({error: String(e)})));""");
        try {
            JsonNode found = JSON.readTree(String.valueOf(raw));
            if (found.has("error")) {
                throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": " + found.get("error"));
            }
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : found) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    targets.add(node.path("target").toString());
                }
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(),
                        targets));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical violations of the page now in {@code driver}. */
    public static List<Violation> failing(WebDriver driver) {
        return violations(driver).stream().filter(v -> FAILING.contains(v.impact())).toList();
    }

    /** How many pages {@link #check} has audited in this JVM. */
    public static int audited() {
        return AUDITED.get();
    }

    /** Fails with every serious or critical violation of the page, named by {@code page}. */
    public static void check(WebDriver driver, String page) {
        List<Violation> failing = failing(driver);
        AUDITED.incrementAndGet();
        if (!failing.isEmpty()) {
            StringBuilder report = new StringBuilder("accessibility audit (axe-core) of " + page + " ("
                    + driver.getCurrentUrl() + "): " + failing.size() + " serious or critical violation(s)");
            failing.forEach(v -> report.append("\n  ").append(v));
            throw new AssertionError(report.toString());
        }
    }

    private static synchronized String axeSource() {
        if (source == null) {
            Path tools = NodeTools.ensureInstalled(NodeTools.root().resolve("system-tests/a11y"));
            try {
                source = Files.readString(tools.resolve("node_modules/axe-core/axe.min.js"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
