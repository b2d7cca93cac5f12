package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Actor;
import itu.wsis.events.AllocationFrozen;
import itu.wsis.events.AllocationUnfrozen;
import itu.wsis.events.Delegate;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.NotificationFailed;
import itu.wsis.events.NotificationSent;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestSmtp;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Exactly one email per intent, ordering, safety, fallback, failure, erasure. */
@QuarkusTest
@NotificationServiceTest
class DeliveryTest {

    static final String DB = NotificationServiceTest.DATABASE;
    static final String DLQ = "wsis.dlq.notification-service";

    @Inject
    Clock clock;

    static long count(String sql, Object... params) {
        return TestPostgres.queryLong(DB, sql, params);
    }

    static InvitationAccepted accepted(UUID invitationId, Instant at) {
        return new InvitationAccepted(UUID.randomUUID(), at, invitationId, 1, ParticipationMode.REMOTE,
                List.of(), ReplyChannel.WEB, false);
    }

    @Test
    void aRedeliveredEventSendsNoSecondEmailAndPublishesNotificationSent() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("twice");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, email);
        TestKafka.publish(issued);
        InvitationAccepted accepted = accepted(issued.invitationId(), clock.instant());
        TestKafka.publish(accepted);
        TestKafka.publish(accepted);
        TestKafka.publish(issued);
        // A marker on the same partition, consumed after both copies.
        TestKafka.publish(new SpeakingRequestWaitlisted(UUID.randomUUID(), clock.instant(), issued.invitationId(),
                UUID.randomUUID(), 2, "full"));
        TestKafka.publish(new SpeakingRequestWaitlisted(UUID.randomUUID(), clock.instant(), issued.invitationId(),
                UUID.randomUUID(), 3, "full"));
        Mails.awaitSubject(email, "waiting list");
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(email).size() >= 4);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<MimeMessage> all = Mails.to(email);
        assertThat(all).hasSize(4);
        assertThat(all.stream().map(Mails::messageId).distinct()).hasSize(4);
        assertThat(count("select count(*) from notification where invitation_id = ? and kind = 'REPLY_ACCEPTED'",
                issued.invitationId())).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events("wsis.notification-events",
                NotificationSent.class).stream().filter(e -> e.invitationId().equals(issued.invitationId())).count() == 4);
        NotificationSent sent = TestKafka.events("wsis.notification-events", NotificationSent.class).stream()
                .filter(e -> e.invitationId().equals(issued.invitationId()) && e.kind().equals("REPLY_ACCEPTED"))
                .findFirst().orElseThrow();
        assertThat(sent.language()).isEqualTo(Language.EN);
        assertThat(all.stream().map(Mails::messageId)).contains(sent.messageId());
    }

    @Test
    void anInvitationThatOvertakesItsLetterWaitsForIt() {
        Fixtures.World missing = new Fixtures.World(UUID.randomUUID(), UUID.randomUUID(),
                Fixtures.deadlineIn(clock, Duration.ofDays(30)), Fixtures.deadlineIn(clock, Duration.ofDays(40)));
        String email = Fixtures.email("early");
        InvitationIssued issued = Fixtures.invitation(missing, clock, Language.ES, email);
        TestKafka.publish(accepted(issued.invitationId(), clock.instant()));
        TestKafka.publish(issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from notification where invitation_id = ? and last_error like 'waiting%'",
                issued.invitationId()) >= 1);
        assertThat(Mails.to(email)).isEmpty();

        // Now the letter and forum arrive, under the ids the invitation named.
        Fixtures.World world = Fixtures.world(clock);
        TestKafka.publish(new itu.wsis.events.ForumEditionPublished(UUID.randomUUID(), clock.instant(),
                missing.forumId(), 1, "WSIS2022", Fixtures.FORUM_NAMES, Map.of(), null, null, null, "Geneva",
                "HYBRID", "Europe/Zurich", null, null, null));
        TestKafka.publish(new itu.wsis.events.CircularLetterPublished(UUID.randomUUID(), clock.instant(),
                missing.letterId(), missing.forumId(), "CL-22/010", 1, null, "Houlin ZHAO", "Secretary-General", null,
                Language.FR, Fixtures.LETTER, "MINISTERS", missing.response(), missing.speaking()));
        Mails.awaitSubject(email, Fixtures.LETTER.get(Language.ES).subject());
        Mails.awaitSubject(email, "hemos recibido su aceptación");
        assertThat(world).isNotNull();
    }

    @Test
    void aMissingLanguageFallsBackExplicitlyAndVisibly() {
        Fixtures.World world = Fixtures.world(clock, Fixtures.FORUM_NAMES, Fixtures.only(Language.FR, Language.EN),
                Language.FR, Fixtures.deadlineIn(clock, Duration.ofDays(30)), Fixtures.deadlineIn(clock, Duration.ofDays(40)));
        String email = Fixtures.email("zh");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.ZH, email);
        TestKafka.publish(issued);
        MimeMessage m = Mails.awaitSubject(email, Fixtures.LETTER.get(Language.FR).subject());
        assertThat(Mails.html(m)).contains("lang=\"fr\"");
        assertThat(Mails.salutation(m)).isEqualTo("Madame la Ministre,");
        await().atMost(Duration.ofSeconds(10)).until(() -> count("""
                select count(*) from notification where invitation_id = ? and kind = 'INVITATION'
                   and requested_language = 'zh' and language = 'fr' and language_fallback""", issued.invitationId()) == 1);
    }

    @Test
    void noTextInAnyAcceptableLanguageMeansNoEmailAndAFailure() {
        Map<Language, LocalizedText> ruOnly = new EnumMap<>(Language.class);
        ruOnly.put(Language.RU, Fixtures.LETTER.get(Language.RU));
        Fixtures.World world = Fixtures.world(clock, Fixtures.FORUM_NAMES, ruOnly, Language.ES,
                Fixtures.deadlineIn(clock, Duration.ofDays(30)), Fixtures.deadlineIn(clock, Duration.ofDays(40)));
        String email = Fixtures.email("none");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.ZH, email);
        TestKafka.publish(issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                select count(*) from notification where invitation_id = ? and status = 'FAILED'
                   and last_error like 'no-template%'""", issued.invitationId()) == 1);
        assertThat(Mails.to(email)).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events("wsis.notification-events",
                NotificationFailed.class).stream().anyMatch(e -> e.invitationId().equals(issued.invitationId())));
    }

    @Test
    void namesAndSubjectsCannotInjectHeadersOrMarkup() {
        Map<Language, String> names = new EnumMap<>(Fixtures.FORUM_NAMES);
        names.put(Language.EN, "WSIS Forum\r\nBcc: evil@example.org\nX-Injected: yes");
        Fixtures.World world = Fixtures.world(clock, names, Fixtures.LETTER, Language.EN,
                Fixtures.deadlineIn(clock, Duration.ofDays(30)), Fixtures.deadlineIn(clock, Duration.ofDays(40)));
        String email = Fixtures.email("inject");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, email, Rank.MINISTER, "Ms\r\nBcc: x@example.org",
                "Europe/Zurich", "Eve\r\nBcc: evil@example.org");
        TestKafka.publish(issued);
        TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), clock.instant(), issued.invitationId(), 1,
                ParticipationMode.IN_PERSON, List.of(new Delegate("<script>alert(1)</script>\nBcc: evil@example.org",
                "<b>Minister</b>", true)), ReplyChannel.WEB, false));
        MimeMessage m = Mails.awaitSubject(email, "your acceptance has been received");
        assertThat(Mails.subject(m)).isEqualTo("CL-22/010 – WSIS Forum Bcc: evil@example.org X-Injected: yes: your acceptance has been received");
        assertThat(Mails.header(m, "Bcc")).isNull();
        assertThat(Mails.header(m, "X-Injected")).isNull();
        String html = Mails.html(m);
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>Minister</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // The plain-text part: the delegate's CR/LF does not start a line of its own (defence in depth: the edge
        // of registration-service refuses such names already).
        String text = Mails.text(m);
        assertThat(text.lines()).noneMatch(line -> line.startsWith("Bcc:"));
        assertThat(text).contains("<script>alert(1)</script> Bcc: evil@example.org, <b>Minister</b>");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        // GreenMail creates a mailbox for every address it delivers to: none for the injected Bcc.
        assertThat(TestSmtp.server().getUserManager().getUserByEmail("evil@example.org")).isNull();
        assertThat(TestSmtp.server().getUserManager().getUserByEmail("x@example.org")).isNull();
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndBlocksNothing() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("poison");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, email);
        TestKafka.publish(issued);
        String poison = "{\"type\":\"InvitationAccepted.v1\",\"broken\":" + issued.invitationId();
        TestKafka.publish("wsis.registration-events", issued.invitationId().toString(), poison, Map.of());
        TestKafka.publish(accepted(issued.invitationId(), clock.instant()));
        Mails.awaitSubject(email, "your acceptance has been received");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.records(DLQ).stream()
                .anyMatch(r -> poison.equals(r.value())));
    }

    /**
     * A forum's freeze concerns no recipient: the events are taken once (their inbox rows) and go nowhere else, neither
     * to an email nor to the dead letters.
     */
    @Test
    void theAllocationFreezeEventsMailNobodyAndAreNotDeadLettered() {
        UUID forum = UUID.randomUUID();
        AllocationFrozen frozen = new AllocationFrozen(UUID.randomUUID(), clock.instant(), forum,
                Actor.staff("staff-1"));
        AllocationUnfrozen unfrozen = new AllocationUnfrozen(UUID.randomUUID(), clock.instant(), forum,
                Actor.staff("staff-1"));
        TestKafka.publish(frozen);
        TestKafka.publish(unfrozen);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from inbox_processed_event "
                + "where event_id in (?, ?) and topic = 'wsis.speaking-request-events'", frozen.eventId(),
                unfrozen.eventId()) == 2);
        assertThat(TestKafka.records(DLQ)).noneMatch(r -> r.value() != null
                && (r.value().contains(frozen.eventId().toString()) || r.value().contains(unfrozen.eventId().toString())));
        assertThat(count("select count(*) from notification where payload like ?", "%" + forum + "%")).isZero();
    }

    @Test
    void anInvalidAddressFailsWithANotificationFailedEvent() {
        Fixtures.World world = Fixtures.world(clock);
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, "not-an-address");
        TestKafka.publish(issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from notification where invitation_id = ? and status = 'FAILED' and last_error = 'invalid-address'",
                issued.invitationId()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events("wsis.notification-events",
                NotificationFailed.class).stream().anyMatch(e -> e.invitationId().equals(issued.invitationId())
                && e.kind().equals("INVITATION") && e.reason().equals("invalid-address")));
    }

    @Test
    void anAddressTheOneRuleRefusesFailsBeforeSmtp() {
        Fixtures.World world = Fixtures.world(clock);
        for (String address : List.of("a@example.org\u2028", "a@example.org>,<attacker@evil.test",
                "Jane <jane@example.org>")) {
            InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, address);
            TestKafka.publish(issued);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "select count(*) from notification where invitation_id = ? and status = 'FAILED' and last_error = 'invalid-address'",
                    issued.invitationId()) == 1);
        }
        assertThat(TestSmtp.server().getUserManager().getUserByEmail("attacker@evil.test")).isNull();
    }

    @Test
    void revocationCancelsWhatIsPendingAndErasesPersonalData() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("revoked");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, email);
        TestKafka.publish(issued);
        Mails.awaitSubject(email, Fixtures.LETTER.get(Language.EN).subject());
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), clock.instant(), issued.invitationId(), "error"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from contact where invitation_id = ? and revoked_at is not null and full_name is null"
                        + " and email is null and cc is null and form_of_address is null", issued.invitationId()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from notification where invitation_id = ? and recipient is not null",
                issued.invitationId()) == 0);
        // A reply that arrives after the revocation must not be sent.
        InvitationAccepted late = accepted(issued.invitationId(), clock.instant());
        TestKafka.publish(late);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from inbox_processed_event where event_id = ?", late.eventId()) == 1);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        // The invitation and the notice of its revocation (sent before the personal data went), nothing after.
        assertThat(Mails.to(email)).hasSize(2);
        assertThat(Mails.to(email)).anySatisfy(m -> assertThat(Mails.subject(m)).contains("withdrawal of your invitation"));
    }

    @Test
    void retentionErasesThePersonalDataOfOldInvitations() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("retention");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, email);
        TestKafka.publish(issued);
        TestKafka.publish(accepted(issued.invitationId(), clock.instant()));
        Mails.awaitSubject(email, "your acceptance has been received");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from notification where invitation_id = ? and status = 'SENT'", issued.invitationId()) == 2);
        // Issued longer ago than the retention period (400 days by default).
        TestPostgres.execute(DB, "update contact set issued_at = issued_at - interval '500 days' where invitation_id = ?",
                issued.invitationId());

        int erased = io.restassured.RestAssured.given().auth().oauth2(itu.wsis.testing.TestTokens.ops())
                .post("/ops/notifications/retention/purge").then().statusCode(200).extract().jsonPath().getInt("count");
        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from contact where invitation_id = ? and erased_at is not null"
                + " and full_name is null and email is null and cc is null and title is null", issued.invitationId()))
                .isEqualTo(1);
        assertThat(count("select count(*) from notification where invitation_id = ?"
                + " and (payload is not null or recipient is not null)", issued.invitationId())).isZero();
        assertThat(count("select count(*) from notification where invitation_id = ? and status = 'SENT'"
                + " and message_id is not null", issued.invitationId())).as("the log keeps what is not personal").isEqualTo(2);
    }

    @Test
    void concurrentSendersClaimDisjointIntentsAndNeverSendTwice() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        List<InvitationIssued> invitations = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            InvitationIssued issued = Fixtures.invitation(world, clock, Language.values()[i % 6], Fixtures.email("race"));
            invitations.add(issued);
            TestKafka.publish(issued);
        }
        // Four extra senders beside the scheduled one, as several instances would run them.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<java.util.concurrent.Future<?>> senders = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                senders.add(pool.submit(() -> {
                    while (System.nanoTime() < until && !invitations.stream().allMatch(i -> count(
                            "select count(*) from notification where invitation_id = ? and status = 'SENT'",
                            i.invitationId()) == 1)) {
                        io.restassured.RestAssured.given().auth().oauth2(itu.wsis.testing.TestTokens.ops())
                                .post("/ops/notifications/dispatch").then().statusCode(200);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (InvitationIssued issued : invitations) {
            Mails.awaitSubject(issued.invitee().email(), Fixtures.LETTER.get(issued.invitee().preferredLanguage()).subject());
        }
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        for (InvitationIssued issued : invitations) {
            assertThat(Mails.to(issued.invitee().email())).hasSize(1);
        }
    }
}
