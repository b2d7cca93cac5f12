package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static itu.wsis.speaking.Fixtures.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
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
                .body("sessions", equalTo(10)).body("created", equalTo(10));
        asSecretariat().post("/ops/demo-data").then().statusCode(200).body("created", equalTo(0));

        asSecretariat().get("/forums/" + forum.forumId() + "/sessions").then().statusCode(200)
                .body("size()", equalTo(10))
                .body("[0].localStart", equalTo("2022-05-31T09:30:00"))
                .body("[0].timeZone", equalTo("Europe/Zurich"))
                .body("[0].titles.en", equalTo("High-Level Policy Session 1: Bridging digital divides"))
                .body("[0].titles.fr", equalTo("Session politique de haut niveau 1: Réduire les fractures numériques"))
                .body("[8].localStart", equalTo("2022-06-02T14:30:00"))
                .body("capacity", everyItem(greaterThanOrEqualTo(15)))
                .body("capacity", everyItem(lessThanOrEqualTo(20)))
                .body("statementMinutes", everyItem(equalTo(3)))
                .body("[0].room", equalTo("Room 1")).body("[2].room", equalTo("Room 2"))
                .body("[0].remoteJoinUrl", equalTo("https://join.wsis-forum.example.org/hlps-1"))
                .body("remoteJoinUrl", everyItem(startsWith("https://")))
                // The Ministerial Round Table of the final week, after the last policy session.
                .body("[9].kind", equalTo("MINISTERIAL_ROUND_TABLE"))
                .body("[9].localStart", equalTo("2022-06-02T16:30:00")).body("[9].capacity", equalTo(20))
                .body("[9].room", equalTo("Room 1"))
                .body("[9].titles.fr", equalTo("Table ronde ministérielle : la société de l'information vingt ans après"))
                .body("[9].modalities", equalTo(java.util.List.of("IN_PERSON", "REMOTE_LIVE")))
                .body("kind.findAll { it == 'HIGH_LEVEL_POLICY_SESSION' }.size()", equalTo(9));

        // Every title in the six languages, each in its own: no session falls back to another language's title.
        java.util.List<java.util.Map<String, String>> titles = asSecretariat()
                .get("/forums/" + forum.forumId() + "/sessions").path("titles");
        assertThat(titles).hasSize(10).allSatisfy(t -> {
            assertThat(t).containsOnlyKeys("ar", "en", "es", "fr", "ru", "zh");
            assertThat(new java.util.HashSet<>(t.values())).hasSize(6);
        });
        assertThat(titles.get(9)).containsEntry("zh", "部长级圆桌会议：二十年后的信息社会")
                .containsEntry("es", "Mesa redonda ministerial: la sociedad de la información veinte años después");
        assertThat(titles.subList(0, 9)).allSatisfy(t -> {
            assertThat(t).containsOnlyKeys("ar", "en", "es", "fr", "ru", "zh");
            assertThat(new java.util.HashSet<>(t.values())).hasSize(6);
            assertThat(t.get("ar")).startsWith("جلسة السياسات الرفيعة المستوى");
            assertThat(t.get("es")).startsWith("Sesión de Política de Alto Nivel");
            assertThat(t.get("ru")).startsWith("Сессия высокого уровня по вопросам политики");
            assertThat(t.get("zh")).startsWith("高级别政策会议");
        });
        assertThat(titles.get(0)).containsEntry("zh", "高级别政策会议1：弥合数字鸿沟")
                .containsEntry("ru", "Сессия высокого уровня по вопросам политики 1: Преодоление цифрового разрыва");
    }
}
