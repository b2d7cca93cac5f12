package itu.wsis.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.notification.repository.DeliveryRepository;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.notification.service.DispatchLoop;
import itu.wsis.testing.FaultySmtpProxy;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sender that stops (a rolling update, `./wsis stop`) with a batch claimed: the dialogue in flight finishes and is
 * recorded as sent, and the intents it claimed but never started go back at once, for another instance's next
 * dispatch, instead of waiting out their 30 s lease. One lane and a server that holds each final reply 2 s keep the
 * rest of the batch waiting behind the first message. The scheduled sender is off: the test dispatches, then stops
 * the loop as the shutdown does ({@link DispatchLoop#stopSending}), which no later test of this profile can undo.
 */
@QuarkusTest
@NotificationServiceTest
@TestProfile(SenderStopTest.OneLaneBehindASlowServer.class)
class SenderStopTest {

    public static class OneLaneBehindASlowServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wsis.notifications.sender.enabled", "false",
                    "wsis.notifications.sender.lanes", "1",
                    "quarkus.mailer.port", Integer.toString(FaultySmtpProxy.shared().port()));
        }
    }

    private static final String DB = NotificationServiceTest.DATABASE;
    private static final int INVITATIONS = 4;

    @Inject
    Clock clock;

    @Inject
    DispatchLoop sender;

    @Inject
    DeliveryRepository store;

    @Inject
    MeterRegistry registry;

    private final FaultySmtpProxy smtp = FaultySmtpProxy.shared();

    @AfterEach
    void behave() {
        smtp.behave();
    }

    @Test
    void aStopFinishesTheDialogueInFlightAndHandsBackTheClaimsItNeverStarted() throws Throwable {
        Fixtures.World world = Fixtures.world(clock);
        List<InvitationIssued> issued = IntStream.range(0, INVITATIONS)
                .mapToObj(i -> Fixtures.invitation(world, clock, Language.EN, Fixtures.email("stop" + i))).toList();
        issued.forEach(TestKafka::publish);
        String[] invitations = issued.stream().map(i -> i.invitationId().toString()).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(60)).until(() -> TestPostgres.queryLong(DB, """
                select count(*) from notification n join contact c on c.invitation_id = n.invitation_id
                 where n.status = 'PENDING' and c.email is not null and n.invitation_id = any(?::uuid[])""",
                (Object) invitations) == INVITATIONS);
        Fixtures.awaitDirectory(world);
        int acceptedBefore = smtp.acceptancesSeenByClients();
        smtp.delayFinalReply(Duration.ofSeconds(2));

        CompletableFuture<Integer> dispatch = CompletableFuture.supplyAsync(() -> Fixtures.dispatch(sender));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> registry.get("wsis.notifications.sender.in.flight").gauge().value() >= 1);
        sender.stopSending();
        dispatch.get(30, TimeUnit.SECONDS);

        long sent = count("status = 'SENT'", invitations);
        long released = count("status = 'PENDING' and claimed_by is null and claimed_until is null and attempts = 0",
                invitations);
        assertThat(sent + released).as("each intent sent, or pending and claimed by no one").isEqualTo(INVITATIONS);
        assertThat(released).as("claimed but not started at the stop").isGreaterThanOrEqualTo(2);
        assertThat(smtp.acceptancesSeenByClients() - acceptedBefore).as("messages the server accepted")
                .isEqualTo((int) sent);
        assertThat(issued.stream().mapToInt(i -> Mails.to(i.invitee().email()).size()).sum())
                .as("emails received").isEqualTo((int) sent);

        // Another instance's next dispatch takes them at once, as new claims: no lease, no takeover grace. (A
        // millisecond lease, so that any other test's leftover this claim sweeps up is free again at once.)
        List<String> pending = List.of(TestPostgres.queryString(DB, """
                select string_agg(id::text, ' ') from notification
                 where status = 'PENDING' and invitation_id = any(?::uuid[])""", (Object) invitations).split(" "));
        String b = "B/" + UUID.randomUUID();
        Map<String, Boolean> claimedByB = VertxContextSupport.subscribeAndAwait(
                        () -> store.claim(b, clock.instant(), Duration.ofMillis(1), 10_000)).stream()
                .collect(Collectors.toMap(c -> c.id().toString(), NotificationRepository.Claim::takeover));
        assertThat(pending).allSatisfy(id -> assertThat(claimedByB).containsEntry(id, false));
        // Nobody sends them here: out of the way of the tests after this one.
        TestPostgres.execute(DB, "update notification set status = 'CANCELLED' where status = 'PENDING'"
                + " and invitation_id = any(?::uuid[])", (Object) invitations);
    }

    private static long count(String condition, String[] invitations) {
        return TestPostgres.queryLong(DB, "select count(*) from notification where " + condition
                + " and invitation_id = any(?::uuid[])", (Object) invitations);
    }
}
