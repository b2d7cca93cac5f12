package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    static final Instant NOW = Instant.parse("2022-03-21T09:00:00Z");
    static final UUID INVITATION = UUID.fromString("7f1f0f9c-3b7a-4f57-9d1e-0d4a2f0c1a01");

    static InvitationIssued issued() {
        return new InvitationIssued(UUID.randomUUID(), NOW, INVITATION, UUID.randomUUID(), "WSIS-2022",
                UUID.randomUUID(), "CL-22/010",
                new InviteeContact(UUID.randomUUID(), "CH", "Jane Doe", "MADAM_MINISTER", Rank.MINISTER,
                        "Minister of Communications", "minister@ch.example.org", List.of("mission@ch.example.org"),
                        Language.FR, "Europe/Zurich"),
                new Deadline(LocalDate.of(2022, 4, 15), "Europe/Zurich", Instant.parse("2022-04-15T22:00:00Z")),
                new Deadline(LocalDate.of(2022, 4, 15), "Europe/Zurich", Instant.parse("2022-04-15T22:00:00Z")),
                1, Instant.parse("2022-07-03T22:00:00Z"));
    }

    @Test
    void roundTripsAnInvitationEventWithItsVersionedTypeAndKey() {
        InvitationIssued event = issued();

        String json = EventCodec.encode(event);
        DomainEvent decoded = EventCodec.decode(json);

        assertThat(json).contains("\"type\":\"InvitationIssued.v1\"").contains("\"preferredLanguage\":\"fr\"")
                .contains("\"endsAt\":\"2022-04-15T22:00:00Z\"");
        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.partitionKey()).isEqualTo(INVITATION.toString());
        assertThat(decoded.publishedOn()).isEqualTo(Topic.INVITATION);
    }

    @Test
    void roundTripsARegistrationEvent() {
        InvitationAccepted event = new InvitationAccepted(UUID.randomUUID(), NOW, INVITATION, 2,
                ParticipationMode.IN_PERSON, List.of(new Delegate("A. Head", "Minister", true)), ReplyChannel.WEB,
                true);

        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
        assertThat(event.publishedOn()).isEqualTo(Topic.REGISTRATION);
    }

    @Test
    void letterEventsAreKeyedByLetter() {
        UUID letter = UUID.randomUUID();
        CircularLetterPublished event = new CircularLetterPublished(UUID.randomUUID(), NOW, letter, UUID.randomUUID(),
                "CL-22/010", 1, LocalDate.of(2022, 3, 21), "Houlin Zhao", "Secretary-General",
                new Contact("Gitanjali Sah", "wsis-info@itu.int", "+41 22 730 5350"), Language.FR,
                Map.of(Language.FR, new LocalizedText("Invitation", "Madame la Ministre, ...")), "Ministers",
                null, null);

        assertThat(event.partitionKey()).isEqualTo(letter.toString());
        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void ignoresFieldsAddedByANewerProducer() {
        String json = EventCodec.encode(issued()).replaceFirst("\\{", "{\"addedLater\":42,");

        assertThat(EventCodec.decode(json)).isInstanceOf(InvitationIssued.class);
    }

    @Test
    void everyRegisteredTypeHasATopicAndAVersionedName() {
        Arrays.stream(DomainEvent.class.getAnnotation(JsonSubTypes.class).value()).forEach(type -> {
            assertThat(EventCatalog.topicsOf(type.value())).isNotEmpty();
            assertThat(type.name()).matches("[A-Z][A-Za-z]+\\.v\\d+");
        });
        assertThat(EventCatalog.withTopics()).hasSize(DomainEvent.class.getAnnotation(JsonSubTypes.class).value().length);
    }

    @Test
    void anErasureReportGoesToItsProducersTopicAndCarriesCountsOnly() {
        UUID erasure = UUID.randomUUID();
        PersonalDataErased report = new PersonalDataErased(UUID.randomUUID(), Instant.parse("2022-06-10T08:00:00Z"),
                erasure, "registration-service", Map.of("replyVersions", 2, "delegates", 3));
        assertThat(report.publishedOn()).isEqualTo(Topic.REGISTRATION);
        assertThat(report.partitionKey()).isEqualTo(erasure.toString());
        assertThat(EventCodec.encode(report)).contains("\"erased\":{\"delegates\":3,\"replyVersions\":2}")
                .doesNotContain("publishedOn");
        assertThat(EventCodec.decode(EventCodec.encode(report))).isEqualTo(report);
        assertThat(new PersonalDataErased(UUID.randomUUID(), Instant.now(), erasure, "notification-service", Map.of())
                .publishedOn()).isEqualTo(Topic.NOTIFICATION);
        assertThatThrownBy(() -> new PersonalDataErased(UUID.randomUUID(), Instant.now(), erasure,
                "invitation-service", Map.of()).publishedOn()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EventCatalog.topicOf(PersonalDataErased.class))
                .isInstanceOf(IllegalArgumentException.class);

        PersonalDataErasureRequested requested = new PersonalDataErasureRequested(UUID.randomUUID(), Instant.now(),
                erasure, UUID.randomUUID(), List.of(UUID.randomUUID()));
        assertThat(requested.publishedOn()).isEqualTo(Topic.INVITATION);
        assertThat(requested.partitionKey()).isEqualTo(erasure.toString());
        assertThat(EventCodec.decode(EventCodec.encode(requested))).isEqualTo(requested);
    }

    @Test
    void aFreezeIsKeyedByItsForumAndAResendByItsInvitationEachWithItsStaffActor() {
        UUID forum = UUID.randomUUID();
        AllocationFrozen frozen = new AllocationFrozen(UUID.randomUUID(), NOW, forum, Actor.staff("staff-7"));
        AllocationUnfrozen unfrozen = new AllocationUnfrozen(UUID.randomUUID(), NOW, forum, null)
                .withActor(Actor.staff("staff-7"));
        for (DomainEvent event : List.<DomainEvent>of(frozen, unfrozen)) {
            assertThat(event.publishedOn()).isEqualTo(Topic.SPEAKING_REQUEST);
            assertThat(event.partitionKey()).isEqualTo(forum.toString());
            assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
        }
        assertThat(EventCodec.encode(frozen)).contains("\"type\":\"AllocationFrozen.v1\"")
                .contains("\"actor\":{\"kind\":\"STAFF\",\"subject\":\"staff-7\"}").doesNotContain("partitionKey");
        assertThat(unfrozen.eventType()).isEqualTo("AllocationUnfrozen.v1");

        UUID original = UUID.randomUUID();
        NotificationResent resent = new NotificationResent(UUID.randomUUID(), NOW, INVITATION, UUID.randomUUID(),
                original, "INVITATION", null);
        assertThat(resent.publishedOn()).isEqualTo(Topic.NOTIFICATION);
        assertThat(resent.partitionKey()).isEqualTo(INVITATION.toString());
        assertThat(AttributedEvent.attribute(resent, Actor.staff("ops-1"))).isEqualTo(
                new NotificationResent(resent.eventId(), NOW, INVITATION, resent.notificationId(), original,
                        "INVITATION", Actor.staff("ops-1")));
        assertThat(EventCodec.decode(EventCodec.encode(resent))).isEqualTo(resent);
    }

    @Test
    void rejectsPoisonPayloads() {
        assertThatThrownBy(() -> EventCodec.decode("not json"))
                .isInstanceOf(EventCodec.UnreadableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"Nonsense.v9\",\"eventId\":\"" + UUID.randomUUID() + "\"}"))
                .isInstanceOf(EventCodec.UnreadableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"InvitationRevoked.v1\",\"reason\":\"x\"}"))
                .isInstanceOf(EventCodec.UnreadableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(""))
                .isInstanceOf(EventCodec.UnreadableEventException.class);
    }

    @Test
    void languagesUseTheirIsoCodes() {
        assertThat(Language.fromCode("AR")).isEqualTo(Language.AR);
        assertThat(Language.AR.rightToLeft()).isTrue();
        assertThat(Language.ZH.code()).isEqualTo("zh");
        assertThatThrownBy(() -> Language.fromCode("de")).isInstanceOf(IllegalArgumentException.class);
    }
}
