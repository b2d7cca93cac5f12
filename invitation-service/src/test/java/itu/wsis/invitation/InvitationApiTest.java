package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.ResponseDeadlineExtended;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import static itu.wsis.invitation.Fixtures.asOps;
import static itu.wsis.invitation.Fixtures.asSecretariat;
import static itu.wsis.invitation.Fixtures.today;
import static itu.wsis.invitation.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@InvitationServiceTest
class InvitationApiTest {

    static final String TOPIC = Topic.INVITATION.topicName();
    static final String DB = InvitationServiceTest.DATABASE;

    static <T extends itu.wsis.events.InvitationEvent> List<T> eventsOf(Class<T> type, UUID invitationId, int expected) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> TestKafka.events(TOPIC, type).stream()
                .filter(e -> e.invitationId().equals(invitationId)).toList(), found -> found.size() >= expected);
    }

    @Test
    void issuingToOneInviteeIsIdempotentAndPublishesWhatConsumersNeedButNoToken() {
        UUID letterId = Fixtures.publishedLetter();
        UUID inviteeId = Fixtures.createInvitee("CH");

        Response first = asSecretariat().body(Map.of("inviteeId", inviteeId))
                .post("/letters/{id}/invitations", letterId);
        first.then().statusCode(201).body("status", equalTo("ISSUED"), "linkVersion", equalTo(1),
                "memberState", equalTo("CH"), "preferredLanguage", equalTo("fr"),
                "linkExpiresAt", equalTo("2022-06-10T22:00:00Z"), "warnings", empty());
        String id = first.path("id");
        assertThat(first.header("Location")).endsWith("/invitations/" + id);
        asSecretariat().body(Map.of("inviteeId", inviteeId)).post("/letters/{id}/invitations", letterId)
                .then().statusCode(200).body("id", equalTo(id));

        UUID invitationId = UUID.fromString(id);
        InvitationIssued issued = eventsOf(InvitationIssued.class, invitationId, 1).get(0);
        assertThat(issued.letterId()).isEqualTo(letterId);
        assertThat(issued.invitee().inviteeId()).isEqualTo(inviteeId);
        assertThat(issued.invitee().formOfAddress()).isEqualTo("Excellency");
        assertThat(issued.invitee().timeZone()).isEqualTo("Europe/Zurich");
        assertThat(issued.linkVersion()).isEqualTo(1);
        assertThat(issued.linkExpiresAt()).isEqualTo(Instant.parse("2022-06-10T22:00:00Z"));
        assertThat(issued.responseDeadline().date()).isEqualTo(today().plusDays(30));
        assertThat(issued.speakingRequestDeadline()).isNotNull();
        List<ConsumerRecord<String, String>> records = TestKafka.records(TOPIC).stream()
                .filter(r -> r.key().equals(id)).toList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).doesNotContainIgnoringCase("token");

        asSecretariat().body(Map.of("inviteeId", UUID.randomUUID())).post("/letters/{id}/invitations", letterId)
                .then().statusCode(404);
        asSecretariat().body(Map.of("inviteeId", inviteeId)).post("/letters/{id}/invitations", UUID.randomUUID())
                .then().statusCode(404);
        asSecretariat().body(Map.of()).post("/letters/{id}/invitations", letterId)
                .then().statusCode(400).body("errors[0].field", equalTo("inviteeId"));
    }

    @Test
    void twoRacingBulkRequestsCreateExactlyOneInvitationPerInvitee() throws Exception {
        for (String state : List.of("BR", "IN", "NG", "DE", "MX")) {
            Fixtures.createInvitee(state);
        }
        UUID letterId = Fixtures.publishedLetter();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Response>> racers = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return asSecretariat().post("/letters/{id}/invitations/bulk", letterId);
                }))
                .toList();
        List<Response> responses = racers.stream().map(CompletableFuture::join).toList();

        responses.forEach(r -> r.then().statusCode(200));
        // Every invitee but those whose data was erased (ErasureApiTest): nothing is sent to them any more.
        long invitees = TestPostgres.queryLong(DB, "select count(*) from invitee where erased_at is null");
        long invitations = TestPostgres.queryLong(DB, "select count(*) from invitation where letter_id = ?", letterId);
        long duplicated = TestPostgres.queryLong(DB, "select count(*) from (select invitee_id from invitation "
                + "where letter_id = ? group by invitee_id having count(*) > 1) d", letterId);
        assertThat(invitations).isEqualTo(invitees);
        assertThat(duplicated).isZero();
        int issuedByBoth = responses.stream().mapToInt(r -> r.<Integer>path("issued")).sum();
        assertThat(issuedByBoth).isEqualTo(invitations);

        // Each invitation was announced once, by whichever request inserted it.
        List<InvitationIssued> events = await().atMost(Duration.ofSeconds(30)).until(
                () -> TestKafka.events(TOPIC, InvitationIssued.class).stream()
                        .filter(e -> e.letterId().equals(letterId)).toList(),
                found -> found.size() >= invitations);
        assertThat(events).hasSize((int) invitations);
        assertThat(events.stream().map(InvitationIssued::invitationId).collect(Collectors.toSet()))
                .hasSize((int) invitations);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() {
        Fixtures.createInvitee("KE");
        UUID letterId = Fixtures.publishedLetter();
        String key = unique("key");

        Response first = asSecretariat().header("Idempotency-Key", key).post("/letters/{id}/invitations/bulk", letterId);
        first.then().statusCode(200).header("Idempotency-Replayed", org.hamcrest.Matchers.nullValue());
        Response replay = asSecretariat().header("Idempotency-Key", key).post("/letters/{id}/invitations/bulk", letterId);
        replay.then().statusCode(200).header("Idempotency-Replayed", equalTo("true"));
        assertThat(replay.<Integer>path("issued")).isEqualTo(first.<Integer>path("issued")).isPositive();
        // Without the key, the same request is answered from the current state: nothing left to issue.
        asSecretariat().post("/letters/{id}/invitations/bulk", letterId).then().statusCode(200)
                .body("issued", equalTo(0), "alreadyIssued", equalTo(first.<Integer>path("addressees")));
        asSecretariat().header("Idempotency-Key", key).post("/letters/{id}/invitations/bulk",
                Fixtures.publishedLetter()).then().statusCode(422)
                .body("type", equalTo("urn:wsis:problem:idempotency-key-reused"));
    }

    @Test
    void revocationIsPublishedAndARevokedInvitationCannotBeActedOn() {
        UUID invitationId = Fixtures.issue(Fixtures.publishedLetter(), Fixtures.createInvitee("FR"));

        asSecretariat().body(Map.of("reason", "sent to the wrong ministry"))
                .post("/invitations/{id}/revoke", invitationId).then().statusCode(200)
                .body("status", equalTo("REVOKED"), "revocationReason", equalTo("sent to the wrong ministry"));
        assertThat(eventsOf(InvitationRevoked.class, invitationId, 1).get(0).reason())
                .isEqualTo("sent to the wrong ministry");

        asSecretariat().body(Map.of("reason", "again")).post("/invitations/{id}/revoke", invitationId)
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:invitation-revoked"));
        asSecretariat().body(Map.of("responseDeadline", today().plusDays(60).toString()))
                .post("/invitations/{id}/deadline-extension", invitationId).then().statusCode(409);
        asSecretariat().post("/invitations/{id}/link-reissue", invitationId).then().statusCode(409);
        asSecretariat().body(Map.of("reason", " ")).post("/invitations/{id}/revoke", UUID.randomUUID())
                .then().statusCode(400);
        asSecretariat().body(Map.of("reason", "x")).post("/invitations/{id}/revoke", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void theDeadlineIsExtendedInTheForumZoneAndTheLinkReissuedWithANewVersion() {
        UUID invitationId = Fixtures.issue(Fixtures.publishedLetter(), Fixtures.createInvitee("GB"));
        LocalDate later = today().plusDays(45);

        asSecretariat().body(Map.of("responseDeadline", today().plusDays(10).toString()))
                .post("/invitations/{id}/deadline-extension", invitationId).then().statusCode(400)
                .body("errors[0].field", equalTo("responseDeadline"));
        asSecretariat().body(Map.of("responseDeadline", later.toString()))
                .post("/invitations/{id}/deadline-extension", invitationId).then().statusCode(200)
                .body("responseDeadline.date", equalTo(later.toString()),
                        "responseDeadline.timeZone", equalTo("Europe/Zurich"));
        ResponseDeadlineExtended extended = eventsOf(ResponseDeadlineExtended.class, invitationId, 1).get(0);
        assertThat(extended.responseDeadline().endsAt())
                .isEqualTo(later.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Zurich")).toInstant());

        asSecretariat().post("/invitations/{id}/link-reissue", invitationId).then().statusCode(200)
                .body("linkVersion", equalTo(2));
        asSecretariat().post("/invitations/{id}/link-reissue", invitationId).then().statusCode(200)
                .body("linkVersion", equalTo(3));
        assertThat(eventsOf(PersonalLinkReissued.class, invitationId, 2))
                .extracting(PersonalLinkReissued::linkVersion).containsExactly(2, 3);
        asSecretariat().post("/invitations/{id}/link-reissue", UUID.randomUUID()).then().statusCode(404);
        asSecretariat().body(Map.of("responseDeadline", later.toString()))
                .post("/invitations/{id}/deadline-extension", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anUnansweredInvitationPastItsDeadlineReadsExpiredUntilExtended() {
        UUID forumId = Fixtures.createForum();
        UUID letterId = Fixtures.createLetter(forumId, today().minusDays(60), today().minusDays(2));
        asSecretariat().post("/letters/{id}/publish", letterId).then().statusCode(200);
        // Issuing after the deadline is allowed, but the answer tells the secretariat what it means.
        Response issued = asSecretariat().body(Map.of("inviteeId", Fixtures.createInvitee("AU")))
                .post("/letters/{id}/invitations", letterId);
        issued.then().statusCode(201).body("status", equalTo("EXPIRED"), "warnings.code", contains("deadline-passed"),
                "warnings[0].detail", containsString("has passed"));
        UUID invitationId = UUID.fromString(issued.path("id"));
        // The same for a bulk issue (of another letter, whose counts this test does not read).
        UUID lateLetter = Fixtures.createLetter(forumId, today().minusDays(60), today().minusDays(2));
        asSecretariat().post("/letters/{id}/publish", lateLetter).then().statusCode(200);
        asSecretariat().post("/letters/{id}/invitations/bulk", lateLetter).then().statusCode(200)
                .body("issued", greaterThan(0), "warnings.code", contains("deadline-passed"));
        // Nothing new to issue: nothing to warn about.
        asSecretariat().post("/letters/{id}/invitations/bulk", lateLetter).then().statusCode(200)
                .body("issued", equalTo(0), "warnings", empty());
        // Reading the invitation later carries no warning: it belongs to the answer of the issue request.
        asOps().get("/invitations/{id}", invitationId).then().statusCode(200).body("warnings", empty());

        asOps().get("/invitations/{id}", invitationId).then().statusCode(200).body("status", equalTo("EXPIRED"));
        asOps().queryParam("letterId", letterId).queryParam("status", "EXPIRED").get("/invitations")
                .then().statusCode(200).body("total", equalTo(1));
        asOps().queryParam("letterId", letterId).get("/invitations/counts").then().statusCode(200)
                .body("byStatus.EXPIRED", equalTo(1), "byStatus.ISSUED", equalTo(0), "total", equalTo(1));

        asSecretariat().body(Map.of("responseDeadline", today().plusDays(7).toString()))
                .post("/invitations/{id}/deadline-extension", invitationId).then().statusCode(200)
                .body("status", equalTo("ISSUED"));
        asOps().queryParam("letterId", letterId).get("/invitations/counts").then()
                .body("byStatus.EXPIRED", equalTo(0), "byStatus.ISSUED", equalTo(1));
    }

    @Test
    void invitationsAreFilteredSortedPagedAndCounted() {
        UUID letterId = Fixtures.publishedLetter();
        UUID ch = Fixtures.issue(letterId, Fixtures.createInvitee("CH"));
        UUID jp = Fixtures.issue(letterId, Fixtures.createInvitee("JP"));
        UUID cn = Fixtures.issue(letterId, Fixtures.createInvitee("CN"));
        asSecretariat().body(Map.of("reason", "duplicate")).post("/invitations/{id}/revoke", jp).then().statusCode(200);

        asOps().queryParam("letterId", letterId).queryParam("sort", "memberState").get("/invitations")
                .then().statusCode(200).body("total", equalTo(3), "items.memberState", contains("CH", "CN", "JP"));
        asOps().queryParam("letterId", letterId).queryParam("sort", "-memberState").queryParam("size", 2)
                .queryParam("page", 1).get("/invitations")
                .then().statusCode(200).body("total", equalTo(3), "page", equalTo(1), "items.id", contains(ch.toString()));
        asOps().queryParam("letterId", letterId).queryParam("language", "zh").get("/invitations")
                .then().body("items.id", contains(cn.toString()));
        asOps().queryParam("letterId", letterId).queryParam("memberState", "jp").get("/invitations")
                .then().body("items.id", contains(jp.toString()));
        asOps().queryParam("letterId", letterId).queryParam("status", "revoked").get("/invitations")
                .then().body("items.id", contains(jp.toString()));
        asOps().queryParam("letterId", letterId).queryParam("status", "ISSUED").queryParam("rank", Rank.MINISTER)
                .get("/invitations").then().body("total", equalTo(2), "items.id", not(hasItem(jp.toString())));
        asOps().queryParam("letterId", letterId).get("/invitations/counts").then().statusCode(200)
                .body("total", equalTo(3), "byStatus.ISSUED", equalTo(2), "byStatus.REVOKED", equalTo(1),
                        "byStatus.ACCEPTED", equalTo(0));

        asOps().queryParam("sort", "fullName").get("/invitations").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        asOps().queryParam("status", "LOST").queryParam("language", "de").queryParam("size", 1000)
                .get("/invitations").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("status", "language", "size"));
        asOps().get("/invitations/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void repliesFromRegistrationAreReflectedOnceAndInOrder() {
        UUID invitationId = Fixtures.issue(Fixtures.publishedLetter(), Fixtures.createInvitee("EG"));
        InvitationAccepted accepted = new InvitationAccepted(UUID.randomUUID(), Instant.now(), invitationId, 1,
                ParticipationMode.IN_PERSON, List.of(), ReplyChannel.WEB, false);

        TestKafka.publish(accepted);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().get("/invitations/{id}", invitationId)
                .then().body("status", equalTo("ACCEPTED"), "replyStatus", equalTo("ACCEPTED"),
                        "replyVersion", equalTo(1)));

        ReplyWithdrawn withdrawn = new ReplyWithdrawn(UUID.randomUUID(), Instant.now(), invitationId, 2,
                ReplyChannel.EMAIL, false);
        TestKafka.publish(withdrawn);
        // The acceptance again (a redelivery), then an older reply version under a new id: neither may win.
        TestKafka.publish(accepted);
        InvitationAccepted stale = new InvitationAccepted(UUID.randomUUID(), Instant.now(), invitationId, 1,
                ParticipationMode.REMOTE, List.of(), ReplyChannel.WEB, false);
        TestKafka.publish(stale);

        // Same key, so once the stale event is recorded every earlier one has been handled.
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from inbox_processed_event where event_id = ?", stale.eventId()) == 1);
        asOps().get("/invitations/{id}", invitationId).then()
                .body("status", equalTo("DECLINED"), "replyStatus", equalTo("WITHDRAWN"), "replyVersion", equalTo(2));
        assertThat(TestPostgres.queryLong(DB, "select count(*) from inbox_processed_event where event_id = ?",
                accepted.eventId())).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyOnASingleIssueReplaysIt() {
        UUID letterId = Fixtures.publishedLetter();
        UUID inviteeId = Fixtures.createInvitee("SN");
        String key = unique("one");

        String id = asSecretariat().header("Idempotency-Key", key).body(Map.of("inviteeId", inviteeId))
                .post("/letters/{id}/invitations", letterId).then().statusCode(201).extract().path("id");
        asSecretariat().header("Idempotency-Key", key).body(Map.of("inviteeId", inviteeId))
                .post("/letters/{id}/invitations", letterId).then().statusCode(201)
                .header("Idempotency-Replayed", equalTo("true")).body("id", equalTo(id));
        asSecretariat().header("Idempotency-Key", key).body(Map.of("inviteeId", Fixtures.createInvitee("SN")))
                .post("/letters/{id}/invitations", letterId).then().statusCode(422);
        assertThat(TestPostgres.queryLong(DB, "select count(*) from invitation where letter_id = ?", letterId))
                .isEqualTo(1);
    }

    @Test
    void anUnreadableRegistrationEventIsDeadLetteredAndBlocksNothing() {
        UUID invitationId = Fixtures.issue(Fixtures.publishedLetter(), Fixtures.createInvitee("TN"));
        String poison = "{\"type\":\"InvitationAccepted.v1\",\"broken\":" + invitationId;
        TestKafka.publish(Topic.REGISTRATION.topicName(), invitationId.toString(), poison, Map.of());
        TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), Instant.now(), invitationId, 1,
                ParticipationMode.REMOTE, List.of(), ReplyChannel.WEB, false));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOps().get("/invitations/{id}", invitationId)
                .then().body("status", equalTo("ACCEPTED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.records(Topic.deadLetterTopicOf("invitation-service"))
                .stream().anyMatch(r -> r.value().equals(poison)));
    }

    @Test
    void aReplyToARevokedInvitationDoesNotReviveIt() {
        UUID invitationId = Fixtures.issue(Fixtures.publishedLetter(), Fixtures.createInvitee("PE"));
        asSecretariat().body(Map.of("reason", "withdrawn by the secretariat"))
                .post("/invitations/{id}/revoke", invitationId).then().statusCode(200);
        InvitationAccepted late = new InvitationAccepted(UUID.randomUUID(), Instant.now(), invitationId, 1,
                ParticipationMode.REMOTE, List.of(), ReplyChannel.LETTER, true);
        TestKafka.publish(late);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from inbox_processed_event where event_id = ?", late.eventId()) == 1);
        asOps().get("/invitations/{id}", invitationId).then().body("status", equalTo("REVOKED"));
    }
}
