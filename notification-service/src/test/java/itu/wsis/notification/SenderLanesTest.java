package itu.wsis.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import itu.wsis.events.Delegate;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.Language;
import itu.wsis.notification.service.DispatchLoop;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several lanes send the messages of a batch at once, each on its own session and SMTP connection. The scheduled
 * sender and its wake-ups are off here: the test builds a backlog, sends part of it with one dispatch (several
 * messages must be in flight at once), then part with two dispatches at once (as a tick and a wake-up do), with
 * small batches so that several claim rounds run, while another instance ("B") holds a live claim on some of the
 * intents. Every intent must leave exactly once, B's only after its lease ran out.
 */
@QuarkusTest
@NotificationServiceTest
@TestProfile(SenderLanesTest.LanesWithABacklog.class)
class SenderLanesTest {

    public static class LanesWithABacklog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wsis.notifications.sender.enabled", "false",
                    "wsis.notifications.sender.lanes", "4",
                    "wsis.notifications.sender.batch-size", "7",
                    "wsis.notifications.sender.takeover-grace", "PT1S");
        }
    }

    private static final String DB = NotificationServiceTest.DATABASE;
    private static final int INVITATIONS = 30;

    @Inject
    Clock clock;

    @Inject
    DispatchLoop sender;

    @Inject
    MeterRegistry registry;

    @Test
    void concurrentLanesAndDispatchesSendEveryIntentExactlyOnceAndLeaveAnotherInstancesClaimsAlone()
            throws Throwable {
        Fixtures.World world = Fixtures.world(clock);
        List<InvitationIssued> issued = new ArrayList<>();
        for (int i = 0; i < INVITATIONS; i++) {
            InvitationIssued invitation = Fixtures.invitation(world, clock, Language.values()[i % 6],
                    Fixtures.email("lane" + i));
            issued.add(invitation);
            TestKafka.publish(invitation);
        }
        List<UUID> ids = issued.stream().map(InvitationIssued::invitationId).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("""
                select count(*) from notification n join contact c on c.invitation_id = n.invitation_id
                 where n.status = 'PENDING' and c.email is not null and n.invitation_id = any(?::uuid[])""", ids) == INVITATIONS
                && count("select count(*) from circular_letter where letter_id = ?", world.letterId()) == 1
                && count("select count(*) from forum_edition where forum_id = ?", world.forumId()) == 1);
        List<UUID> heldByB = ids.subList(0, 5);
        List<UUID> later = ids.subList(5, 20);
        String b = "B/" + UUID.randomUUID();
        TestPostgres.execute(DB, """
                update notification set claimed_by = ?, claimed_until = now() + interval '5 minutes'
                 where invitation_id = any(?::uuid[])""", b, strings(heldByB));
        TestPostgres.execute(DB, "update notification set next_attempt_at = ? where invitation_id = any(?::uuid[])",
                OffsetDateTime.ofInstant(clock.instant().plus(365, ChronoUnit.DAYS), ZoneOffset.UTC), strings(later));

        // One dispatch: the ten due intents go out on several lanes at once.
        int mostInFlight = sampleInFlightWhile(() -> Fixtures.dispatch(sender));

        assertThat(count("select count(*) from notification where status = 'SENT' and invitation_id = any(?::uuid[])", ids))
                .isEqualTo(10);
        assertThat(mostInFlight).as("messages in flight at once within one dispatch").isGreaterThan(1);

        // Two dispatches at once (a tick and a wake-up) over fifteen more.
        TestPostgres.execute(DB, "update notification set next_attempt_at = ? where invitation_id = any(?::uuid[])",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), strings(later));
        dispatchTwiceAtOnce();

        assertThat(count("select count(*) from notification where status = 'SENT' and invitation_id = any(?::uuid[])", ids))
                .isEqualTo(INVITATIONS - heldByB.size());
        assertThat(count("""
                select count(*) from notification where status = 'PENDING' and claimed_by = ?
                   and invitation_id = any(?::uuid[])""", b, heldByB)).as("B's live claims are left alone").isEqualTo(5);

        // B's lease runs out: A takes the intents over (after the grace) and sends each once.
        TestPostgres.execute(DB, "update notification set claimed_until = now() - interval '1 second' where claimed_by = ?", b);
        dispatchTwiceAtOnce();

        assertThat(count("select count(*) from notification where status = 'SENT' and invitation_id = any(?::uuid[])", ids))
                .isEqualTo(INVITATIONS);
        for (InvitationIssued invitation : issued) {
            List<MimeMessage> received = Mails.to(invitation.invitee().email());
            assertThat(received).as("emails to %s", invitation.invitee().email()).hasSize(1);
            assertThat(Mails.countByMessageId(Mails.messageId(received.get(0)))).isEqualTo(1);
        }
        assertThat(count("""
                select count(*) from outbox_event o join notification n on o.payload like '%' || n.id || '%'
                 where o.event_type = 'NotificationSent.v1' and n.invitation_id = any(?::uuid[])""", ids))
                .as("one NotificationSent per intent").isEqualTo(INVITATIONS);
    }

    @Test
    void oneInvitationsEmailsLeaveInTheOrderTheirIntentsWereCreated() {
        Fixtures.World world = Fixtures.world(clock);
        List<InvitationIssued> issued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            InvitationIssued invitation = Fixtures.invitation(world, clock, Language.values()[i % 6],
                    Fixtures.email("order" + i));
            issued.add(invitation);
            TestKafka.publish(invitation);
        }
        // Accepted, then declined, then accepted again: three receipts after the invitation, each a different kind
        // of the same invitation, all due at once (the test clock stands still), several per batch of seven.
        for (InvitationIssued invitation : issued) {
            UUID id = invitation.invitationId();
            TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), clock.instant(), id, 1,
                    ParticipationMode.IN_PERSON, List.of(new Delegate("Jane Doe", "Minister", true)), ReplyChannel.WEB,
                    false));
            TestKafka.publish(new InvitationDeclined(UUID.randomUUID(), clock.instant(), id, 2, "agenda",
                    ReplyChannel.WEB, false));
            TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), clock.instant(), id, 3,
                    ParticipationMode.REMOTE, List.of(new Delegate("Jane Doe", "Minister", true)), ReplyChannel.WEB,
                    false));
        }
        List<UUID> ids = issued.stream().map(InvitationIssued::invitationId).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("""
                select count(*) from notification where status = 'PENDING' and invitation_id = any(?::uuid[])""",
                ids) == 4L * ids.size()
                && count("select count(*) from circular_letter where letter_id = ?", world.letterId()) == 1);

        Fixtures.dispatch(sender);

        for (InvitationIssued invitation : issued) {
            List<String> created = List.of(TestPostgres.queryString(DB, """
                    select string_agg(message_id, ' ' order by creation_order) from notification
                     where invitation_id = ? and status = 'SENT'""", invitation.invitationId()).replaceAll("[<>]", "").split(" "));
            assertThat(created).hasSize(4);
            List<String> received = Mails.to(invitation.invitee().email()).stream()
                    .map(m -> Mails.messageId(m).replaceAll("[<>]", "")).toList();
            assertThat(received).as("emails to %s, in the order they arrived", invitation.invitee().email())
                    .containsExactlyElementsOf(created);
        }
    }

    private void dispatchTwiceAtOnce() throws Exception {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> Fixtures.dispatch(sender));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> Fixtures.dispatch(sender));
        first.get();
        second.get();
    }

    /** Runs {@code work}, sampling the sender's in-flight gauge meanwhile; returns the most seen at once. */
    private int sampleInFlightWhile(Runnable work) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger most = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                double now = registry.get("wsis.notifications.sender.in.flight").gauge().value();
                most.accumulateAndGet((int) now, Math::max);
                Thread.onSpinWait();
            }
        });
        sampler.start();
        try {
            work.run();
        } finally {
            done.set(true);
            sampler.join();
        }
        return most.get();
    }

    private static String[] strings(List<UUID> ids) {
        return ids.stream().map(String::valueOf).toArray(String[]::new);
    }

    private static long count(String sql, Object... params) {
        Object[] converted = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            converted[i] = params[i] instanceof List<?> list ? list.stream().map(String::valueOf).toArray(String[]::new) : params[i];
        }
        return TestPostgres.queryLong(DB, sql, converted);
    }
}
