package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.Language;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static itu.wsis.invitation.Fixtures.asOps;
import static itu.wsis.invitation.Fixtures.asSecretariat;
import static itu.wsis.invitation.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@InvitationServiceTest
class ForumAndLetterApiTest {

    static final String TOPIC = Topic.INVITATION.topicName();

    @Test
    void aForumIsCreatedReadListedAndUpdatedAndEachVersionIsPublished() {
        String code = unique("WSIS");
        var created = asSecretariat().body(Fixtures.forum(code)).post("/forums")
                .then().statusCode(201)
                .body("revision", equalTo(1), "names.zh", equalTo("Forum " + code + " (zh)"),
                        "timeZone", equalTo("Europe/Zurich"), "format", equalTo("HYBRID"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/forums/" + id);

        asOps().get("/forums/{id}", id).then().statusCode(200).body("code", equalTo(code));
        asOps().get("/forums").then().statusCode(200).body("code", hasItem(code));

        Map<String, Object> changed = new HashMap<>(Fixtures.forum(code));
        changed.put("venue", "CICG, Geneva");
        asSecretariat().body(changed).put("/forums/{id}", id).then().statusCode(200)
                .body("revision", equalTo(2), "venue", equalTo("CICG, Geneva"));

        UUID forumId = UUID.fromString(id);
        List<ForumEditionPublished> events = await().atMost(Duration.ofSeconds(20)).until(
                () -> TestKafka.events(TOPIC, ForumEditionPublished.class).stream()
                        .filter(e -> e.forumId().equals(forumId)).toList(), found -> found.size() == 2);
        assertThat(events).extracting(ForumEditionPublished::revision).containsExactly(1L, 2L);
        ForumEditionPublished latest = events.get(1);
        assertThat(latest.venue()).isEqualTo("CICG, Geneva");
        assertThat(latest.names()).containsKeys(Language.values());
        assertThat(latest.inPersonEnd()).isEqualTo(LocalDate.of(2022, 6, 3));
        assertThat(latest.speakingRequestUrl()).isEqualTo("https://www.itu.int/net4/wsis/forum/2022/fr/HighLevel");
    }

    @Test
    void aDuplicateForumCodeIsAConflict() {
        String code = unique("DUP");
        asSecretariat().body(Fixtures.forum(code)).post("/forums").then().statusCode(201);
        asSecretariat().body(Fixtures.forum(code)).post("/forums").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:wsis:problem:duplicate-forum-code"));
    }

    @Test
    void twoConcurrentCreationsOfOneCodeGiveOneForumAndOneConflict() {
        Map<String, Object> forum = Fixtures.forum(unique("RACE"));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        List<Integer> statuses = java.util.stream.Stream.of(1, 2)
                .map(n -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return asSecretariat().body(forum).post("/forums").statusCode();
                }))
                .toList().stream().map(java.util.concurrent.CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(201, 409);
    }

    @Test
    void anUnknownFormatOrAMalformedDateIsA400NamingTheField() {
        Map<String, Object> forum = new HashMap<>(Fixtures.forum(unique("FMT")));
        forum.put("format", "HYBRIDE");
        asSecretariat().body(forum).post("/forums").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        forum.put("format", "VIRTUAL");
        forum.put("inPersonStart", "30 May 2022");
        asSecretariat().body(forum).post("/forums").then().statusCode(400)
                .body("errors[0].field", equalTo("inPersonStart"));
    }

    @Test
    void anInvalidForumIsRefusedWithEveryFieldNamed() {
        Map<String, Object> bad = new HashMap<>(Fixtures.forum("bad code"));
        bad.put("names", Map.of("en", "Only English", "de", "Deutsch"));
        bad.put("timeZone", "Europe/Atlantis");
        bad.put("inPersonEnd", "2022-05-01");
        asSecretariat().body(bad).post("/forums").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code"));
        Map<String, Object> semantic = new HashMap<>(Fixtures.forum(unique("OK")));
        semantic.put("names", Map.of("en", "Only English", "de", "Deutsch"));
        semantic.put("timeZone", "Europe/Atlantis");
        semantic.put("inPersonEnd", "2022-05-01");
        asSecretariat().body(semantic).post("/forums").then().statusCode(400)
                .body("errors.field", hasItems("names.de", "names.fr", "timeZone", "inPersonEnd"));
    }

    @Test
    void unknownPropertiesAreRefusedSoNoIdOrRevisionCanBeAssigned() {
        Map<String, Object> withId = new HashMap<>(Fixtures.forum(unique("MA")));
        withId.put("revision", 99);
        asSecretariat().body(withId).post("/forums").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("revision"));
    }

    @Test
    void unknownForumIsNotFound() {
        asOps().get("/forums/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:wsis:problem:forum-not-found"));
        asSecretariat().body(Fixtures.forum(unique("X"))).put("/forums/{id}", UUID.randomUUID()).then().statusCode(404);
        asSecretariat().body(Fixtures.letter("CL-1", LocalDate.now(), LocalDate.now().plusDays(3)))
                .post("/forums/{id}/letters", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aLetterIsDraftedPublishedOnceAndThenCorrectedOnlyByANewRevision() {
        UUID forumId = Fixtures.createForum();
        String reference = unique("CL");
        Map<String, Object> draft = Fixtures.letter(reference, LocalDate.of(2022, 3, 21), LocalDate.of(2022, 4, 15));
        String id = asSecretariat().body(draft).post("/forums/{id}/letters", forumId).then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("DRAFT"), "revision", equalTo(1),
                        "responseDeadline.date", equalTo("2022-04-15"),
                        "responseDeadline.timeZone", equalTo("Europe/Zurich"),
                        "responseDeadline.endsAt", equalTo("2022-04-15T22:00:00Z"))
                .extract().path("id");
        UUID letterId = UUID.fromString(id);

        // A draft can still change.
        Map<String, Object> edited = new HashMap<>(draft);
        edited.put("addresseeClass", "Ministers of ITU Member States (edited)");
        asSecretariat().body(edited).put("/letters/{id}", id).then().statusCode(200)
                .body("addresseeClass", equalTo("Ministers of ITU Member States (edited)"));

        asSecretariat().post("/letters/{id}/publish", id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"), "publishedAt", org.hamcrest.Matchers.notNullValue());
        asSecretariat().post("/letters/{id}/publish", id).then().statusCode(409);
        asSecretariat().body(draft).put("/letters/{id}", id).then().statusCode(409)
                .body("type", equalTo("urn:wsis:problem:letter-published"));

        Map<String, Object> correction = new HashMap<>(draft);
        correction.put("responseDeadline", "2022-04-22");
        asSecretariat().body(correction).post("/letters/{id}/revisions", id).then().statusCode(201)
                .header("Location", endsWith("/letters/" + id + "/revisions/2"))
                .body("revision", equalTo(2), "status", equalTo("DRAFT"));
        asSecretariat().body(correction).post("/letters/{id}/revisions", id).then().statusCode(409);
        asSecretariat().post("/letters/{id}/publish", id).then().statusCode(200).body("revision", equalTo(2));

        asOps().get("/letters/{id}/revisions/1", id).then().statusCode(200)
                .body("responseDeadline.date", equalTo("2022-04-15"), "status", equalTo("PUBLISHED"));
        asOps().get("/letters/{id}", id).then().statusCode(200)
                .body("revision", equalTo(2), "responseDeadline.date", equalTo("2022-04-22"),
                        "revisions.revision", org.hamcrest.Matchers.contains(1, 2));
        asOps().get("/letters/{id}/revisions/9", id).then().statusCode(404);
        asOps().get("/forums/{id}/letters", forumId).then().statusCode(200).body("reference", hasItem(reference));

        List<CircularLetterPublished> events = await().atMost(Duration.ofSeconds(20)).until(
                () -> TestKafka.events(TOPIC, CircularLetterPublished.class).stream()
                        .filter(e -> e.letterId().equals(letterId)).toList(), found -> found.size() == 2);
        assertThat(events).extracting(CircularLetterPublished::revision).containsExactly(1, 2);
        CircularLetterPublished first = events.get(0);
        assertThat(first.reference()).isEqualTo(reference);
        assertThat(first.originalLanguage()).isEqualTo(Language.FR);
        assertThat(first.texts()).containsKeys(Language.FR, Language.EN);
        assertThat(first.responseDeadline().endsAt()).isEqualTo(Instant.parse("2022-04-15T22:00:00Z"));
        assertThat(first.signatoryName()).isEqualTo("Houlin Zhao");
        assertThat(events.get(1).responseDeadline().date()).isEqualTo(LocalDate.of(2022, 4, 22));
    }

    @Test
    void aDuplicateReferenceInTheSameForumIsAConflict() {
        UUID forumId = Fixtures.createForum();
        Map<String, Object> letter = Fixtures.letter(unique("CL"), LocalDate.of(2022, 3, 21), LocalDate.of(2022, 4, 15));
        asSecretariat().body(letter).post("/forums/{id}/letters", forumId).then().statusCode(201);
        asSecretariat().body(letter).post("/forums/{id}/letters", forumId).then().statusCode(409)
                .body("type", equalTo("urn:wsis:problem:duplicate-letter-reference"));
        // The same reference in another forum is another letter.
        asSecretariat().body(letter).post("/forums/{id}/letters", Fixtures.createForum()).then().statusCode(201);
    }

    @Test
    void anInvalidLetterIsRefusedWithFieldDetail() {
        UUID forumId = Fixtures.createForum();
        Map<String, Object> letter = new HashMap<>(Fixtures.letter(unique("CL"), LocalDate.of(2022, 3, 21),
                LocalDate.of(2022, 3, 1)));
        letter.put("originalLanguage", "ar");
        asSecretariat().body(letter).post("/forums/{id}/letters", forumId).then().statusCode(400)
                .body("errors.field", hasItems("texts.ar", "responseDeadline"));
        letter.put("originalLanguage", "de");
        asSecretariat().body(letter).post("/forums/{id}/letters", forumId).then().log().ifValidationFails().statusCode(400)
                .body("errors[0].field", equalTo("originalLanguage"));
        Map<String, Object> noTexts = new HashMap<>(Fixtures.letter(unique("CL"), LocalDate.of(2022, 3, 21),
                LocalDate.of(2022, 4, 15)));
        noTexts.put("texts", Map.of());
        noTexts.put("contact", Map.of("name", "X", "email", "not-an-address"));
        asSecretariat().body(noTexts).post("/forums/{id}/letters", forumId).then().statusCode(400)
                .body("errors.field", hasItems("contact.email"));
    }

    @Test
    void issuingFromADraftLetterIsAConflict() {
        UUID letterId = Fixtures.createLetter(Fixtures.createForum());
        UUID inviteeId = Fixtures.createInvitee("CH");
        asSecretariat().body(Map.of("inviteeId", inviteeId)).post("/letters/{id}/invitations", letterId)
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:letter-not-published"));
        asSecretariat().post("/letters/{id}/invitations/bulk", letterId)
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:letter-not-published"));
    }
}
