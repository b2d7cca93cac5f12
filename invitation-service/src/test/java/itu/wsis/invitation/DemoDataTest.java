package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static itu.wsis.invitation.Fixtures.asOps;
import static itu.wsis.invitation.Fixtures.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@InvitationServiceTest
class DemoDataTest {

    static final String DB = InvitationServiceTest.DATABASE;

    @Test
    void theDemoLoadsWsis2022AndItsLetterToAll193MinistersAndASecondLoadChangesNothing() {
        Response first = asSecretariat().post("/ops/demo-data");
        first.then().statusCode(200);
        UUID forumId = UUID.fromString(first.path("forumId"));
        UUID letterId = UUID.fromString(first.path("letterId"));

        asOps().get("/forums/{id}", forumId).then().statusCode(200)
                .body("code", equalTo("WSIS-2022"), "timeZone", equalTo("Europe/Zurich"), "format", equalTo("HYBRID"),
                        "virtualPhaseStart", equalTo("2022-03-15"), "inPersonStart", equalTo("2022-05-30"),
                        "inPersonEnd", equalTo("2022-06-03"),
                        "partnershipUrl", equalTo("https://www.itu.int/go/wsisfund"));
        asOps().get("/letters/{id}", letterId).then().statusCode(200)
                .body("reference", equalTo("CL-22/010"), "letterDate", equalTo("2022-03-21"),
                        "status", equalTo("PUBLISHED"), "originalLanguage", equalTo("fr"),
                        "signatory.name", equalTo("Houlin Zhao"), "contact.email", equalTo("wsis-info@itu.int"),
                        "contact.phone", equalTo("+41 22 730 5350"),
                        "responseDeadline.date", equalTo("2022-04-15"),
                        "responseDeadline.endsAt", equalTo("2022-04-15T22:00:00Z"));
        String french = asOps().get("/letters/{id}", letterId).path("texts.fr.body");
        assertThat(french).contains("du 31 mai au 2 juin 2022", "avant le 15 avril",
                "https://www.itu.int/net4/wsis/forum/2022/fr/HighLevel", "UNESCO, la CNUCED et le PNUD");
        // Every part of the paper letter that is written in a language is given in all six, and the body ends with
        // the closing formula: the signature block comes once, from the text's own signatory fields.
        Map<String, Map<String, String>> texts = asOps().get("/letters/{id}", letterId).path("texts");
        assertThat(texts).containsOnlyKeys("ar", "en", "es", "fr", "ru", "zh");
        texts.forEach((code, text) -> {
            assertThat(text).as(code).containsKeys("subject", "body", "place", "addressee", "signatoryName",
                    "signatoryTitle");
            assertThat(text.values()).as(code).allSatisfy(value -> assertThat(value).isNotBlank());
            assertThat(text.get("body")).as(code).doesNotContain(text.get("signatoryName"))
                    .doesNotContain(text.get("signatoryTitle"));
        });
        assertThat(texts.get("fr")).containsEntry("place", "Genève").containsEntry("signatoryTitle", "Secrétaire général")
                .containsEntry("addressee", "Aux Ministres des États Membres de l'UIT");
        assertThat(texts.get("zh")).containsEntry("signatoryName", "赵厚麟").containsEntry("signatoryTitle", "秘书长");

        long demoInvitees = TestPostgres.queryLong(DB, "select count(*) from invitee where email like '%@example.org' "
                + "and email like 'minister.%'");
        assertThat(demoInvitees).isEqualTo(193);
        assertThat(TestPostgres.queryLong(DB, "select count(distinct p.member_state) from invitation i "
                + "join invitee p on p.id = i.invitee_id where i.letter_id = ? and p.email like 'minister.%'", letterId))
                .isEqualTo(193);
        assertThat(TestPostgres.queryLong(DB, "select count(*) from invitee where email = 'minister.ch@example.org' "
                + "and preferred_language = 'fr' and time_zone = 'Europe/Zurich'")).isEqualTo(1);

        CircularLetterPublished letter = await().atMost(Duration.ofSeconds(20)).until(
                () -> TestKafka.events(Topic.INVITATION.topicName(), CircularLetterPublished.class).stream()
                        .filter(e -> e.letterId().equals(letterId)).findFirst(), java.util.Optional::isPresent).get();
        assertThat(letter.texts()).containsOnlyKeys(Language.values());
        assertThat(letter.texts().values()).allSatisfy(text -> assertThat(text.hasSignature()).isTrue());
        assertThat(letter.texts().get(Language.RU).signatoryName()).isEqualTo("Хоулинь ЧЖАО");
        assertThat(letter.letterDate()).isEqualTo(LocalDate.of(2022, 3, 21));
        InvitationIssued anInvitation = await().atMost(Duration.ofSeconds(20)).until(
                () -> TestKafka.events(Topic.INVITATION.topicName(), InvitationIssued.class).stream()
                        .filter(e -> e.letterId().equals(letterId)).findFirst(), java.util.Optional::isPresent).get();
        assertThat(anInvitation.forumCode()).isEqualTo("WSIS-2022");
        assertThat(anInvitation.letterReference()).isEqualTo("CL-22/010");
        assertThat(anInvitation.linkExpiresAt()).isEqualTo(Instant.parse("2022-06-10T22:00:00Z"));

        long outboxBefore = TestPostgres.queryLong(DB, "select count(*) from outbox_event");
        long inviteesBefore = TestPostgres.queryLong(DB, "select count(*) from invitee");
        long invitationsBefore = TestPostgres.queryLong(DB, "select count(*) from invitation");
        long latestUpdate = TestPostgres.queryLong(DB,
                "select coalesce(max(extract(epoch from updated_at) * 1000), 0)::bigint from invitee");

        asSecretariat().post("/ops/demo-data").then().statusCode(200)
                .body("forumId", equalTo(forumId.toString()), "letterId", equalTo(letterId.toString()),
                        "forumCreated", equalTo(false), "letterCreated", equalTo(false),
                        "letterPublished", equalTo(false), "inviteesWritten", equalTo(0),
                        "invitationsIssued", equalTo(0));
        assertThat(TestPostgres.queryLong(DB, "select count(*) from outbox_event")).isEqualTo(outboxBefore);
        assertThat(TestPostgres.queryLong(DB, "select count(*) from invitee")).isEqualTo(inviteesBefore);
        assertThat(TestPostgres.queryLong(DB, "select count(*) from invitation")).isEqualTo(invitationsBefore);
        assertThat(TestPostgres.queryLong(DB,
                "select coalesce(max(extract(epoch from updated_at) * 1000), 0)::bigint from invitee"))
                .isEqualTo(latestUpdate);
    }

    @Test
    void issuingALetterToTheWholeRegistryOfAtLeast193IsQuick() {
        asSecretariat().post("/ops/demo-data").then().statusCode(200);
        UUID letterId = Fixtures.publishedLetter();

        long started = System.nanoTime();
        Response bulk = asSecretariat().post("/letters/{id}/invitations/bulk", letterId);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        bulk.then().statusCode(200);
        assertThat(bulk.<Integer>path("issued")).isGreaterThanOrEqualTo(193);
        // Measured well under a second here; the bound leaves room for a loaded shared CI machine.
        System.out.printf("bulk issue of %d invitations took %d ms%n", bulk.<Integer>path("issued"), took.toMillis());
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }
}
