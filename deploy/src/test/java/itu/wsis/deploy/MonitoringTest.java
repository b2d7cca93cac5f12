package itu.wsis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the alert rules and the dashboard name is exported by a service: each name must be promised by one of
 * the modules' {@code src/test/resources/exported-metrics.txt}, and each module's FlowMetricsTest checks its list
 * against a real {@code /q/metrics} scrape. A name nobody exports therefore fails here, and a name a list promises but
 * the service does not export fails there. The rules' annotations are checked too (docs/metrics.md).
 */
class MonitoringTest {

    static final Path MONITORING = Manifests.DEPLOY.resolve("base/monitoring");
    /** The lists of what each module exports, checked by that module's FlowMetricsTest. */
    static final List<String> EXPORTING_MODULES = List.of("service-support", "registration-service",
            "speaking-request-service", "notification-service");
    /** Not exported by the services: kube-state-metrics' view of the Deployments (readiness). */
    static final Set<String> FROM_KUBE_STATE_METRICS = Set.of("kube_deployment_status_replicas_available",
            "kube_deployment_spec_replicas");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords or label names. */
    static Set<String> metricNames(String expr) {
        String plain = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")      // string literals
                .replaceAll("\\{[^}]*}", " ")                                   // label matchers
                .replaceAll("\\[[^]]*]", " ")                                   // ranges and subqueries
                .replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(plain);
        while (m.find()) {
            String word = m.group();
            int after = m.end();
            while (after < plain.length() && Character.isWhitespace(plain.charAt(after))) {
                after++;
            }
            boolean function = after < plain.length() && plain.charAt(after) == '(';
            boolean number = m.start() > 0 && Character.isDigit(plain.charAt(m.start() - 1));
            if (!function && !number && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }

    static List<JsonNode> alertRules() throws IOException {
        JsonNode rule = Manifests.documents(Files.readString(MONITORING.resolve("prometheus-rules.yaml"))).get(0);
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        List<JsonNode> rules = new ArrayList<>();
        rule.path("spec").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("dashboards/wsis-flow.json").toFile());
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("targets").forEach(targets -> targets.forEach(t -> exprs.add(t.path("expr").asText())));
        return exprs;
    }

    static Set<String> promised() throws IOException {
        Set<String> names = new TreeSet<>(FROM_KUBE_STATE_METRICS);
        for (String module : EXPORTING_MODULES) {
            for (String line : Files.readAllLines(Manifests.ROOT.resolve(module)
                    .resolve("src/test/resources/exported-metrics.txt"))) {
                String name = line.replaceAll("#.*", "").trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Test
    void theParserFindsMetricNamesAndNothingElse() {
        assertThat(metricNames("sum by (application, topic) (increase(wsis_inbox_dead_lettered_total{a=\"b c\"}[10m])) > 0"))
                .containsExactly("wsis_inbox_dead_lettered_total");
        assertThat(metricNames("max by (application) (x_backlog) > 100\nand max(delta(y[10m:1m])) > 1e3 or on(a) z"))
                .containsExactly("x_backlog", "y", "z");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardNameIsExportedByAService() throws IOException {
        Set<String> used = new TreeSet<>();
        for (JsonNode rule : alertRules()) {
            used.addAll(metricNames(rule.path("expr").asText()));
        }
        List<String> panels = dashboardExpressions();
        assertThat(panels).hasSizeGreaterThanOrEqualTo(15);
        panels.forEach(expr -> used.addAll(metricNames(expr)));
        assertThat(used).contains("wsis_outbox_backlog", "kafka_consumer_fetch_manager_records_lag",
                "wsis_notifications_emails_total", "wsis_registration_replies_total", "wsis_speaking_requests");
        assertThat(promised()).as("names promised by the modules' exported-metrics.txt and checked on their scrapes")
                .containsAll(used);
    }

    @Test
    void everyAlertSaysWhatAndWhyAndLinksItsRunbookSection() throws IOException {
        List<JsonNode> rules = alertRules();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode rule : rules) {
            String alert = rule.path("alert").asText();
            assertThat(alert).as("every rule is an alert").isNotBlank();
            assertThat(alerts.add(alert)).as("one " + alert).isTrue();
            JsonNode annotations = rule.path("annotations");
            assertThat(annotations.path("summary").asText()).as(alert + " summary").isNotBlank();
            assertThat(annotations.path("description").asText()).as(alert + " description").hasSizeGreaterThan(40);
            assertThat(annotations.path("runbook_url").asText()).as(alert + " runbook")
                    .isEqualTo("docs/operations.md#" + alert.toLowerCase(Locale.ROOT));
            assertThat(rule.path("labels").path("severity").asText()).as(alert + " severity").isIn("warning", "critical");
        }
        // What issue #20 asks to be alerted on.
        assertThat(alerts).contains("WsisOutboxBacklogGrowing", "WsisConsumerLag", "WsisDeadLetter",
                "WsisNotificationPendingTooLong", "WsisSmtpFailureRate", "WsisServiceNotReady");
    }
}
