package itu.wsis.speaking;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.Deadline;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.EventCodec;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChannel;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinkTokens;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestKeys;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Test data built the way production builds it: from real events on the real broker, and through the API. */
public final class Fixtures {

    public static final String DB = SpeakingRequestServiceTest.DATABASE;
    public static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    private Fixtures() {
    }

    /** A forum of its own, with a letter whose speaking-request deadline is {@code deadline}. */
    public record Forum(UUID forumId, UUID letterId, String code) {
    }

    public record Delegation(UUID invitationId, int linkVersion, String link) {
    }

    public static Forum forum(Instant deadline) {
        return forum("T-" + UUID.randomUUID().toString().substring(0, 8), deadline);
    }

    public static Forum forum(String code, Instant deadline) {
        UUID forumId = UUID.randomUUID();
        UUID letterId = UUID.randomUUID();
        Instant now = Instant.now();
        publishAll(List.of(
                new ForumEditionPublished(UUID.randomUUID(), now, forumId, 1, code, Map.of(Language.EN, "WSIS Forum"),
                        Map.of(), LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 3),
                        "ITU headquarters, Geneva", "HYBRID", GENEVA.getId(), null, null, null),
                new CircularLetterPublished(UUID.randomUUID(), now, letterId, forumId, "CL-22/010", 1,
                        LocalDate.of(2022, 3, 21), "Houlin Zhao", "Secretary-General", null, Language.FR, Map.of(),
                        "MINISTER", null, new Deadline(LocalDate.ofInstant(deadline, GENEVA), GENEVA.getId(), deadline))));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestPostgres.queryLong(DB, "select count(*) from forum where id = ? and revision = 1", forumId) == 1
                        && TestPostgres.queryLong(DB, "select count(*) from circular_letter where id = ?", letterId) == 1);
        return new Forum(forumId, letterId, code);
    }

    public static Delegation delegation(Forum forum, String memberState, Rank rank, ParticipationMode mode) {
        return delegations(forum, List.of(memberState), rank, mode).get(0);
    }

    /** Invitations issued and accepted, one per member state, published in one go and awaited in the read model. */
    public static List<Delegation> delegations(Forum forum, List<String> memberStates, Rank rank, ParticipationMode mode) {
        List<DomainEvent> events = new ArrayList<>();
        List<Delegation> delegations = new ArrayList<>();
        Instant now = Instant.now();
        for (String state : memberStates) {
            UUID invitationId = UUID.randomUUID();
            events.add(new InvitationIssued(UUID.randomUUID(), now, invitationId, forum.forumId(), forum.code(),
                    forum.letterId(), "CL-22/010",
                    new InviteeContact(UUID.randomUUID(), state, "H.E. Minister of " + state, "Excellency", rank,
                            "Minister", "minister@" + state.toLowerCase().replaceAll("[^a-z]", "") + ".example",
                            List.of(), Language.EN, GENEVA.getId()),
                    null, null, 1, now.plus(Duration.ofDays(120))));
            events.add(new InvitationAccepted(UUID.randomUUID(), now, invitationId, 1, mode, List.of(),
                    ReplyChannel.WEB, false));
            delegations.add(new Delegation(invitationId, 1, link(invitationId, 1)));
        }
        publishAll(events);
        String ids = delegations.stream().map(d -> "'" + d.invitationId() + "'")
                .collect(java.util.stream.Collectors.joining(","));
        await().atMost(Duration.ofSeconds(90)).until(() -> TestPostgres.queryLong(DB, "select count(*) from invitation"
                + " where issued and reply_status = 'ACCEPTED' and id in (" + ids + ")") == delegations.size());
        return delegations;
    }

    public static String link(UUID invitationId, int version) {
        return link(invitationId, version, Instant.now().plus(Duration.ofDays(30)));
    }

    public static String link(UUID invitationId, int version, Instant expiresAt) {
        return PersonalLinkTokens.sign(new LinkClaims(invitationId, version, expiresAt), linkKey());
    }

    private static PrivateKey linkKey() {
        return TestKeys.linkSigningKey();
    }

    /** Many events through one producer (a producer per event would take seconds for hundreds). */
    public static void publishAll(List<? extends DomainEvent> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (DomainEvent event : events) {
                producer.send(new ProducerRecord<>(event.publishedOn().topicName(), event.partitionKey(),
                        EventCodec.encode(event)));
            }
            producer.flush();
        }
    }

    public static RequestSpecification asSecretariat() {
        return given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON);
    }

    public static RequestSpecification withLink(String link) {
        return given().header(PersonalLinks.HEADER, link).contentType(ContentType.JSON);
    }

    /** A session on 31 May 2022 at {@code hour}:00 Geneva time, taking every modality. */
    public static UUID session(Forum forum, int capacity, int day, int hour) {
        String body = """
                {"titles": {"en": "High-Level Policy Session %d-%d", "fr": "Session de haut niveau %d-%d"},
                 "start": "2022-05-%02dT%02d:00:00", "end": "2022-05-%02dT%02d:00:00", "capacity": %d,
                 "modalities": ["IN_PERSON", "REMOTE_LIVE", "VIDEO"]}"""
                .formatted(day, hour, day, hour, day, hour, day, hour + 1, capacity);
        return UUID.fromString(asSecretariat().body(body).post("/forums/" + forum.forumId() + "/sessions")
                .then().statusCode(201).extract().path("id"));
    }

    public static String requestBody(String speakerName, String modality, UUID... sessions) {
        StringBuilder ids = new StringBuilder();
        for (UUID s : sessions) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(s).append('"');
        }
        return """
                {"speaker": {"name": "%s", "title": "Minister of ICT", "substitute": false},
                 "preferredSessionIds": [%s], "statementLanguage": "fr", "modality": "%s",
                 "topic": "ICTs for well-being, inclusion and resilience"}""".formatted(speakerName, ids, modality);
    }
}
