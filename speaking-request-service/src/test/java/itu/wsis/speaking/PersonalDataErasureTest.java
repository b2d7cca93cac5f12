package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalDataErased;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.events.Rank;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static itu.wsis.speaking.Fixtures.DB;
import static itu.wsis.speaking.Fixtures.asSecretariat;
import static itu.wsis.speaking.Fixtures.withLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * speaking-request-service's part of an erasure: the speaker's name and title, the statement and the video go,
 * the seat stays (the order of precedence does not depend on a name); no speaker can be named for the invitation
 * again, even one issued after the erasure; a redelivered request changes nothing.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class PersonalDataErasureTest {

    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));

    static long count(String sql, Object... params) {
        return TestPostgres.queryLong(DB, sql, params);
    }

    static List<PersonalDataErased> reports(UUID erasureId) {
        return TestKafka.events(Topic.SPEAKING_REQUEST.topicName(), PersonalDataErased.class).stream()
                .filter(e -> e.erasureId().equals(erasureId)).toList();
    }

    @Test
    void theSpeakerIsErasedTheSeatStaysAndNoSpeakerCanBeNamedAgain() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 5, 31, 9);
        Fixtures.Delegation d = Fixtures.delegation(forum, "Erasia", Rank.MINISTER, ParticipationMode.IN_PERSON);
        String path = "/invitations/" + d.invitationId() + "/speaking-request";
        String requestId = withLink(d.link()).body("""
                        {"speaker": {"name": "Albert Erasable", "title": "Minister of ICT", "substitute": false},
                         "preferredSessionIds": ["%s"], "statementLanguage": "fr", "modality": "IN_PERSON",
                         "topic": "ICTs for resilience", "statementText": "Statement by Albert Erasable"}"""
                        .formatted(session)).post(path)
                .then().statusCode(201).body("status", equalTo("ALLOCATED")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from outbox_event where message_key = ? and published_at is null",
                d.invitationId().toString()) == 0);
        long published = count("select count(*) from outbox_event where message_key = ?", d.invitationId().toString());
        assertThat(published).isGreaterThanOrEqualTo(2);
        UUID later = UUID.randomUUID();

        UUID erasureId = UUID.randomUUID();
        PersonalDataErasureRequested request = new PersonalDataErasureRequested(UUID.randomUUID(), Instant.now(),
                erasureId, UUID.randomUUID(), List.of(d.invitationId(), later));
        TestKafka.publish(request);

        PersonalDataErased report = await().atMost(Duration.ofSeconds(30))
                .until(() -> reports(erasureId), l -> !l.isEmpty()).get(0);
        assertThat(report.service()).isEqualTo("speaking-request-service");
        assertThat(report.erased()).containsEntry("speakingRequests", 1).containsEntry("speakerNames", 1)
                .containsEntry("speakerTitles", 1).containsEntry("statementTexts", 1)
                .containsEntry("videoReferences", 0).containsEntry("outboxEvents", (int) published);

        assertThat(count("""
                select count(*) from speaking_request where id = ? and speaker_name is null and speaker_title is null
                   and statement_text is null and status = 'ALLOCATED' and speaker_rank = 'MINISTER'""",
                UUID.fromString(requestId))).isEqualTo(1);
        assertThat(count("select count(*) from speaking_slot where request_id = ?", UUID.fromString(requestId)))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where message_key = ?", d.invitationId().toString()))
                .isZero();

        // The list of speakers keeps the seat, without a name, in JSON and in the CSV export.
        asSecretariat().get("/sessions/{id}/speakers", session).then().statusCode(200)
                .body("speakers.memberState", hasItem("Erasia"))
                .body("speakers.find { it.memberState == 'Erasia' }.speakerName", nullValue());
        asSecretariat().get("/sessions/{id}/speakers.csv", session).then().statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString("Erasable")));

        // No speaker can be named for the invitation any more, by the invitee or by the secretariat.
        withLink(d.link()).get(path).then().statusCode(410).body("type", equalTo("urn:wsis:problem:personal-data-erased"));
        asSecretariat().body("""
                        {"name": "Someone Else", "title": "Deputy", "rank": "DEPUTY_MINISTER", "substitute": true}""")
                .put("/speaking-requests/{id}/speaker", requestId)
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:personal-data-erased"));
        assertThat(count("select count(*) from speaking_request where id = ? and speaker_name is null",
                UUID.fromString(requestId))).isEqualTo(1);

        // An invitation issued after the erasure stays erased.
        TestKafka.publish(new InvitationIssued(UUID.randomUUID(), Instant.now(), later, forum.forumId(), forum.code(),
                forum.letterId(), "CL-22/010", new InviteeContact(UUID.randomUUID(), "Erasia", "Name", "Excellency",
                Rank.MINISTER, "Minister", "m@example.org", List.of(), Language.EN, "Europe/Zurich"),
                null, null, 1, FUTURE));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from invitation where id = ? and issued and erased_at is not null", later) == 1);

        TestKafka.publish(request);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(reports(erasureId)).hasSize(1);
    }
}
