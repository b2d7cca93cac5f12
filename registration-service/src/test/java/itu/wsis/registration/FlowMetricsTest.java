package itu.wsis.registration;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.ExportedMetrics;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.registration.Invitations.acceptBody;
import static org.assertj.core.api.Assertions.assertThat;

/** registration-service's flow metrics on a real scrape (docs/metrics.md). */
@QuarkusTest
@RegistrationServiceTest
class FlowMetricsTest {

    static final String APP = "application=\"registration-service\"";

    @Inject
    Clock clock;

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double sample(String series) {
        return ExportedMetrics.sum(scrape(), series);
    }

    static String replies(String outcome) {
        return "wsis_registration_replies_total{" + APP + ",channel=\"WEB\",late=\"false\",outcome=\"" + outcome + "\"}";
    }

    @Test
    void everyMetricTheRulesAndTheDashboardNeedIsExported() {
        given().get("/invitations/" + UUID.randomUUID());
        ExportedMetrics.awaitExported(FlowMetricsTest::scrape, ExportedMetrics.PLATFORM, ExportedMetrics.OWN);
    }

    @Test
    void repliesAreCountedByOutcomeOnceCommittedAndRefusalsByReason() {
        assertThat(scrape()).contains("wsis_registration_replies_total{" + APP
                + ",channel=\"PHONE\",late=\"true\",outcome=\"accepted_remote\"} 0.0");
        double inPerson = sample(replies("accepted_in_person"));
        double remote = sample(replies("accepted_remote"));
        double declined = sample(replies("declined"));
        double notAccepted = sample("wsis_registration_replies_refused_total{" + APP + ",reason=\"NOT_ACCEPTED\"}");
        Invitations.Issued invitation = Invitations.issue(clock);

        reply(invitation, "accept", acceptBody("IN_PERSON", "Head")).then().statusCode(201);
        // The same reply again records no version, so it counts nothing.
        reply(invitation, "accept", acceptBody("IN_PERSON", "Head")).then().statusCode(200);
        reply(invitation, "decline", "{\"reason\":\"Cabinet meeting\"}").then().statusCode(201);
        given().header(PersonalLinks.HEADER, invitation.link()).post("/invitations/{id}/withdraw", invitation.id())
                .then().statusCode(409);

        assertThat(sample(replies("accepted_in_person"))).isEqualTo(inPerson + 1);
        assertThat(sample(replies("accepted_remote"))).isEqualTo(remote);
        assertThat(sample(replies("declined"))).isEqualTo(declined + 1);
        assertThat(sample("wsis_registration_replies_refused_total{" + APP + ",reason=\"NOT_ACCEPTED\"}"))
                .isEqualTo(notAccepted + 1);
    }

    private static io.restassured.response.Response reply(Invitations.Issued invitation, String what, String body) {
        return given().header(PersonalLinks.HEADER, invitation.link()).contentType("application/json").body(body)
                .post("/invitations/{id}/" + what, invitation.id());
    }
}
