package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static itu.wsis.speaking.Fixtures.asSecretariat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

@QuarkusTest
@SpeakingRequestServiceTest
class DemoDataTest {

    @Test
    void theWsis2022SessionsAreCreatedOnceTheForumIsKnownAndOnlyOnce() {
        asSecretariat().post("/ops/demo-data").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:forum-not-known-yet"));

        Fixtures.Forum forum = Fixtures.forum("WSIS-2022", Instant.parse("2022-04-15T21:59:59Z"));
        asSecretariat().post("/ops/demo-data").then().statusCode(200)
                .body("forumId", equalTo(forum.forumId().toString()))
                .body("sessions", equalTo(9)).body("created", equalTo(9));
        asSecretariat().post("/ops/demo-data").then().statusCode(200).body("created", equalTo(0));

        asSecretariat().get("/forums/" + forum.forumId() + "/sessions").then().statusCode(200)
                .body("size()", equalTo(9))
                .body("[0].localStart", equalTo("2022-05-31T09:30:00"))
                .body("[0].timeZone", equalTo("Europe/Zurich"))
                .body("[0].titles.en", equalTo("High-Level Policy Session 1: Bridging digital divides"))
                .body("[0].titles.fr", equalTo("Session politique de haut niveau 1: Réduire les fractures numériques"))
                .body("[8].localStart", equalTo("2022-06-02T14:30:00"))
                .body("capacity", everyItem(greaterThanOrEqualTo(15)))
                .body("capacity", everyItem(lessThanOrEqualTo(20)))
                .body("statementMinutes", everyItem(equalTo(3)));
    }
}
