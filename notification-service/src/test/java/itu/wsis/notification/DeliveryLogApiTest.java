package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Actor;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.events.NotificationResent;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@NotificationServiceTest
class DeliveryLogApiTest {

    @Inject
    Clock clock;

    @Test
    void opsFilterTheLogAndResendAsANewRateLimitedIntent() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("log");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.RU, email);
        TestKafka.publish(issued);
        MimeMessage original = Mails.awaitSubject(email, Fixtures.LETTER.get(Language.RU).subject());

        await().atMost(Duration.ofSeconds(45)).until(() -> given().auth().oauth2(TestTokens.ops())
                .queryParam("invitationId", issued.invitationId().toString()).queryParam("status", "sent")
                .get("/ops/notifications").then().statusCode(200).extract().jsonPath().getInt("total") == 1);
        String id = given().auth().oauth2(TestTokens.secretariat())
                .queryParam("recipient", email.toUpperCase()).queryParam("kind", "INVITATION")
                .queryParam("from", clock.instant().minus(Duration.ofHours(1)).toString())
                .get("/ops/notifications")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].language", equalTo("ru"))
                .body("items[0].languageFallback", equalTo(false))
                .body("items[0].messageId", equalTo(Mails.messageId(original)))
                .extract().jsonPath().getString("items[0].id");
        given().auth().oauth2(TestTokens.ops()).queryParam("invitationId", issued.invitationId().toString())
                .queryParam("kind", "REPLY_ACCEPTED").get("/ops/notifications")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.ops()).queryParam("status", "nonsense").get("/ops/notifications")
                .then().statusCode(400);

        given().get("/ops/notifications").then().statusCode(401);
        // This service answers no personal link: one is no credential here (and no 500 for the missing read model).
        given().header("WSIS-Personal-Link", "x.y").get("/ops/notifications").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withoutRole()).get("/ops/notifications").then().statusCode(403);
        given().auth().oauth2(TestTokens.secretariat()).post("/ops/notifications/" + id + "/resend").then().statusCode(403);

        String resendId = given().auth().oauth2(TestTokens.ops()).post("/ops/notifications/" + id + "/resend")
                .then().statusCode(202).extract().jsonPath().getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(email).size() == 2);
        List<MimeMessage> both = Mails.to(email);
        assertThat(both.stream().map(Mails::messageId).distinct()).hasSize(2);
        given().auth().oauth2(TestTokens.ops()).get("/ops/notifications/" + resendId)
                .then().statusCode(200).body("resendOf", equalTo(id)).body("kind", equalTo("INVITATION"));
        // The audit trail learns who resent what from the notification topic, through the outbox.
        NotificationResent resent = await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events(
                        "wsis.notification-events", NotificationResent.class).stream()
                .filter(e -> e.invitationId().equals(issued.invitationId())).toList(), l -> !l.isEmpty()).get(0);
        assertThat(resent.notificationId()).isEqualTo(UUID.fromString(resendId));
        assertThat(resent.resendOf()).isEqualTo(UUID.fromString(id));
        assertThat(resent.kind()).isEqualTo("INVITATION");
        assertThat(resent.actor()).isEqualTo(Actor.staff("test.ops@itu.example.org"));

        // Five resends a minute per operator (the default): the sixth is refused.
        int accepted = 1;
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = given().auth().oauth2(TestTokens.ops()).post("/ops/notifications/" + id + "/resend")
                    .then().extract().statusCode();
            if (status == 202) {
                accepted++;
            } else {
                assertThat(status).isEqualTo(429);
                refused++;
            }
        }
        assertThat(accepted).isLessThanOrEqualTo(5);
        assertThat(refused).isGreaterThanOrEqualTo(2);
        // One event per resend made; a refused one is no action.
        assertThat(TestPostgres.queryLong(NotificationServiceTest.DATABASE, "select count(*) from outbox_event "
                + "where event_type = ? and message_key = ?", NotificationResent.TYPE,
                issued.invitationId().toString())).isEqualTo(accepted);
    }
}
