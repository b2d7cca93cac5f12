package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.speaking.service.RequestMetrics;
import itu.wsis.testing.ExportedMetrics;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.speaking.Fixtures.DB;
import static itu.wsis.speaking.Fixtures.requestBody;
import static itu.wsis.speaking.Fixtures.withLink;
import static org.assertj.core.api.Assertions.assertThat;

/** speaking-request-service's flow metrics on a real scrape (docs/metrics.md). */
@QuarkusTest
@SpeakingRequestServiceTest
class FlowMetricsTest {

    static final String APP = "application=\"speaking-request-service\"";

    @Inject
    RequestMetrics requestMetrics;

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double sample(String series) {
        return ExportedMetrics.sum(scrape(), series);
    }

    static String requests(String status) {
        return "wsis_speaking_requests{" + APP + ",status=\"" + status + "\"}";
    }

    @Test
    void everyMetricTheRulesAndTheDashboardNeedIsExported() {
        given().get("/sessions/" + UUID.randomUUID());
        ExportedMetrics.awaitExported(FlowMetricsTest::scrape, ExportedMetrics.PLATFORM, ExportedMetrics.OWN);
    }

    @Test
    void requestsByStatusFollowTheTable() {
        Fixtures.Forum forum = Fixtures.forum(Instant.now().plus(Duration.ofDays(60)));
        UUID session = Fixtures.session(forum, 1, 31, 16);
        Fixtures.Delegation first = Fixtures.delegation(forum, "Norway", Rank.MINISTER, ParticipationMode.IN_PERSON);
        Fixtures.Delegation second = Fixtures.delegation(forum, "Chile", Rank.MINISTER, ParticipationMode.IN_PERSON);
        withLink(first.link()).body(requestBody("First Speaker", "IN_PERSON", session))
                .post("/invitations/" + first.invitationId() + "/speaking-request").then().statusCode(201);
        withLink(second.link()).body(requestBody("Second Speaker", "IN_PERSON", session))
                .post("/invitations/" + second.invitationId() + "/speaking-request").then().statusCode(201);

        requestMetrics.refreshNow().await().atMost(Duration.ofSeconds(10));

        for (String status : new String[] {"ALLOCATED", "WAITLISTED", "WITHDRAWN", "REJECTED"}) {
            assertThat(sample(requests(status))).as(status).isEqualTo((double) TestPostgres.queryLong(DB,
                    "select count(*) from speaking_request where status = ?", status));
        }
        assertThat(sample(requests("ALLOCATED"))).isGreaterThanOrEqualTo(1);
        assertThat(sample(requests("WAITLISTED"))).isGreaterThanOrEqualTo(1);
    }
}
