package itu.wsis.notification;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Language;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.notification.repository.DeliveryRepository;
import itu.wsis.notification.service.DeliveryRecords;
import itu.wsis.support.retry.FailureKind;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim is its holder's id plus a lease in the database's time, and every change of an intent is a
 * compare-and-set on the holder. The intents here are due only a year from now in business time, so the running
 * scheduled sender never claims them itself; the test plays two sender instances, "A" and "B".
 */
@QuarkusTest
@NotificationServiceTest
class ClaimLeaseTest {

    private static final String DB = NotificationServiceTest.DATABASE;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final LanguageFallbackPolicy.Resolution ENGLISH =
            new LanguageFallbackPolicy.Resolution(Language.EN, Language.EN);

    @Inject
    DeliveryRepository store;

    @Inject
    DeliveryRecords records;

    @Inject
    MeterRegistry registry;

    private final String a = "A/" + UUID.randomUUID();
    private final String b = "B/" + UUID.randomUUID();

    @Test
    void theHolderRenewsItsClaimInDatabaseTimeAndReadsTheIntent() throws Throwable {
        UUID id = intentClaimedBy(a, "now() + interval '2 seconds'");

        DeliveryRepository.Loaded loaded = VertxContextSupport.subscribeAndAwait(() -> store.renewClaimAndLoad(id, a, LEASE));

        assertRenewedAndLoaded(loaded, id);
    }

    @Test
    void aSenderWhoseClaimWasTakenOverGetsNothingAndChangesNothing() throws Throwable {
        UUID id = intentClaimedBy(b, "now() + interval '30 seconds'");

        DeliveryRepository.Loaded loaded = VertxContextSupport.subscribeAndAwait(() -> store.renewClaimAndLoad(id, a, LEASE));
        VertxContextSupport.subscribeAndAwait(() -> records.markRetry(id, a, Instant.now(), "a's smtp failed"));
        VertxContextSupport.subscribeAndAwait(() -> records.markFailed(id, a, "a gave up", null));
        VertxContextSupport.subscribeAndAwait(() -> records.markFinal(id, a, DeliveryStatus.SKIPPED, "a skipped"));

        assertThat(loaded).isNull();
        assertThat(column(id, "status")).isEqualTo("PENDING");
        assertThat(column(id, "claimed_by")).isEqualTo(b);
        assertThat(column(id, "last_error")).isNull();
    }

    @Test
    void anIntentNoLongerPendingIsNotClaimedAgain() throws Throwable {
        UUID id = intentClaimedBy(a, "now() + interval '30 seconds'");
        TestPostgres.execute(DB, "update notification set status = 'SENT' where id = ?", id);

        DeliveryRepository.Loaded loaded = VertxContextSupport.subscribeAndAwait(() -> store.renewClaimAndLoad(id, a, LEASE));

        assertThat(loaded).isNull();
    }

    @Test
    void aMessageTheServerAcceptedIsRecordedAsSentEvenAfterTheClaimWasTakenOverAndTheOtherHolderThenStops()
            throws Throwable {
        // A's lease ran out during a database outage and B claimed the intent; A's SMTP server had accepted it.
        UUID id = intentClaimedBy(b, "now() + interval '30 seconds'");

        DeliveryRepository.SentRecord record = VertxContextSupport.subscribeAndAwait(
                () -> records.markSent(id, a, "minister@example.org", "<m@wsis.test>", ENGLISH));
        DeliveryRepository.Loaded bBeforeSending = VertxContextSupport.subscribeAndAwait(
                () -> store.renewClaimAndLoad(id, b, LEASE));

        assertThat(record).isEqualTo(DeliveryRepository.SentRecord.RECORDED_AFTER_CLAIM_LOST);
        assertThat(column(id, "status")).isEqualTo("SENT");
        assertThat(column(id, "claimed_by")).isNull();
        assertThat(bBeforeSending).as("B must not send what A's server accepted").isNull();
    }

    @Test
    void recordingASentMessageTwiceChangesNothingTheSecondTime() throws Throwable {
        UUID id = intentClaimedBy(a, "now() + interval '30 seconds'");

        DeliveryRepository.SentRecord first = VertxContextSupport.subscribeAndAwait(
                () -> records.markSent(id, a, "minister@example.org", "<m@wsis.test>", ENGLISH));
        DeliveryRepository.SentRecord second = VertxContextSupport.subscribeAndAwait(
                () -> records.markSent(id, a, "minister@example.org", "<m@wsis.test>", ENGLISH));

        assertThat(first).isEqualTo(DeliveryRepository.SentRecord.RECORDED);
        assertThat(second).isEqualTo(DeliveryRepository.SentRecord.ALREADY_FINAL);
        assertThat(sentEvents(id)).isEqualTo(1);
    }

    @Test
    void aClaimIsTakenOnlyOnceItsLeaseRanOutAndATakeoverIsMarkedAsOne() throws Throwable {
        UUID live = intentClaimedBy(b, "now() + interval '20 seconds'");
        UUID othersExpired = intentClaimedBy(b, "now() - interval '1 second'");
        UUID ownExpired = intentClaimedBy(a, "now() - interval '1 second'");
        Instant dueAll = Instant.now().plus(400, ChronoUnit.DAYS);

        // A millisecond lease, so that any other test's leftover this claim sweeps up is free again at once.
        Map<UUID, Boolean> claimed = VertxContextSupport.subscribeAndAwait(
                        () -> store.claim(a, dueAll, Duration.ofMillis(1), 10_000)).stream()
                .collect(Collectors.toMap(NotificationRepository.Claim::id, NotificationRepository.Claim::takeover));

        assertThat(claimed).doesNotContainKey(live).containsEntry(othersExpired, true).containsEntry(ownExpired, false);
        assertThat(column(othersExpired, "claimed_by")).isEqualTo(a);
        assertThat(column(live, "claimed_by")).isEqualTo(b);
    }

    @Test
    void aStoppingSenderReleasesOnlyItsOwnPendingClaimsAndTakesBackTheirAttempt() throws Throwable {
        UUID neverStarted = intentClaimedBy(a, "now() + interval '30 seconds'");
        UUID othersClaim = intentClaimedBy(b, "now() + interval '30 seconds'");
        UUID sent = intentClaimedBy(a, "now() + interval '30 seconds'");
        TestPostgres.execute(DB, "update notification set status = 'SENT' where id = ?", sent);
        UUID notAsked = intentClaimedBy(a, "now() + interval '30 seconds'");

        int released = VertxContextSupport.subscribeAndAwait(
                () -> store.releaseNeverStarted(a, List.of(neverStarted, othersClaim, sent)));

        assertThat(released).isEqualTo(1);
        assertThat(column(neverStarted, "claimed_by")).isNull();
        assertThat(column(neverStarted, "claimed_until")).isNull();
        assertThat(column(neverStarted, "attempts")).as("the claim's attempt taken back").isEqualTo("0");
        assertThat(column(othersClaim, "claimed_by")).isEqualTo(b);
        assertThat(column(sent, "status")).isEqualTo("SENT");
        assertThat(column(sent, "attempts")).isEqualTo("1");
        assertThat(column(notAsked, "claimed_by")).isEqualTo(a);
        // Claimable at once, as a new claim: no lease to wait out, no takeover grace.
        Map<UUID, Boolean> claimed = VertxContextSupport.subscribeAndAwait(() -> store.claim(b,
                        Instant.now().plus(400, ChronoUnit.DAYS), Duration.ofMillis(1), 10_000)).stream()
                .collect(Collectors.toMap(NotificationRepository.Claim::id, NotificationRepository.Claim::takeover));
        assertThat(claimed).containsEntry(neverStarted, false).doesNotContainKey(notAsked);
    }

    @Test
    void renewalsAskedForTogetherShareAStatementAndEachGetsItsOwnAnswer() throws Throwable {
        UUID first = intentClaimedBy(a, "now() + interval '2 seconds'");
        UUID others = intentClaimedBy(b, "now() + interval '20 seconds'");
        UUID second = intentClaimedBy(a, "now() + interval '2 seconds'");
        UUID sent = intentClaimedBy(a, "now() + interval '2 seconds'");
        TestPostgres.execute(DB, "update notification set status = 'SENT' where id = ?", sent);
        UUID third = intentClaimedBy(a, "now() + interval '2 seconds'");
        List<UUID> ids = List.of(first, others, second, sent, third);
        DistributionSummary statements = statements("renew-and-load");
        long before = statements.count();

        // Asked for in one event-loop task: the first goes at once, the others wait for it and go together.
        List<Optional<DeliveryRepository.Loaded>> answers = VertxContextSupport.subscribeAndAwait(() -> Uni.join()
                .all(ids.stream().map(id -> store.renewClaimAndLoad(id, a, LEASE).map(Optional::ofNullable)).toList())
                .andFailFast());

        assertThat(statements.count() - before).as("statements for 5 renewals").isLessThan(5);
        assertThat(answers.get(0)).hasValueSatisfying(l -> assertThat(l.notification().id).isEqualTo(first));
        assertThat(answers.get(1)).as("another holder's claim").isEmpty();
        assertThat(answers.get(2)).hasValueSatisfying(l -> assertThat(l.notification().id).isEqualTo(second));
        assertThat(answers.get(3)).as("no longer pending").isEmpty();
        assertThat(answers.get(4)).hasValueSatisfying(l -> assertThat(l.notification().id).isEqualTo(third));
        for (UUID renewed : List.of(first, second, third)) {
            assertThat(secondsOfLeaseLeft(renewed)).isBetween(25L, 30L);
        }
        assertThat(secondsOfLeaseLeft(others)).isLessThanOrEqualTo(20L);
        assertThat(column(others, "claimed_by")).isEqualTo(b);
    }

    @Test
    void aRenewalWhoseRowAnotherTransactionHoldsIsAskedAgainOnceTheLockIsGone() throws Throwable {
        UUID id = intentClaimedBy(a, "now() + interval '2 seconds'");
        try (Connection blocker = Fixtures.transaction()) {
            lockRow(blocker, id);
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                sleep(Duration.ofMillis(300));
                rollback(blocker);
            });

            DeliveryRepository.Loaded loaded = VertxContextSupport.subscribeAndAwait(
                    () -> store.renewClaimAndLoad(id, a, LEASE));

            release.join();
            assertRenewedAndLoaded(loaded, id);
        }
    }

    @Test
    void sentRecordsAskedForTogetherShareAStatementAndEachIsAllOrNothingWithItsEvent() throws Throwable {
        UUID held = intentClaimedBy(a, "now() + interval '30 seconds'");
        UUID takenOver = intentClaimedBy(b, "now() + interval '30 seconds'");
        UUID alreadySent = intentClaimedBy(a, "now() + interval '30 seconds'");
        TestPostgres.execute(DB, "update notification set status = 'SENT', claimed_by = null where id = ?",
                alreadySent);
        UUID locked = intentClaimedBy(a, "now() + interval '30 seconds'");
        UUID gone = UUID.randomUUID();
        List<UUID> ids = List.of(held, takenOver, alreadySent, locked, gone);
        DistributionSummary statements = statements("mark-sent");
        long before = statements.count();

        List<Object> answers;
        try (Connection blocker = Fixtures.transaction()) {
            lockRow(blocker, locked);
            answers = VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(ids.stream()
                            .map(id -> store.markSent(id, UUID.randomUUID(), "INVITATION", a, "minister@example.org",
                                    "<" + id + "@wsis.test>", ENGLISH).<Object>map(r -> r)
                                    .onFailure().recoverWithItem(f -> f)).toList())
                    .andFailFast());
            blocker.rollback();
        }

        assertThat(statements.count() - before).as("statements for 5 SENT records").isLessThan(5);
        assertThat(answers.subList(0, 3)).containsExactly(DeliveryRepository.SentRecord.RECORDED,
                DeliveryRepository.SentRecord.RECORDED_AFTER_CLAIM_LOST, DeliveryRepository.SentRecord.ALREADY_FINAL);
        assertThat(answers.get(3)).as("a row another transaction held: asked again, never waited for")
                .isInstanceOf(DeliveryRepository.RowLocked.class);
        assertThat(FailureKind.of((Throwable) answers.get(3))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(answers.get(4)).isEqualTo(DeliveryRepository.SentRecord.ALREADY_FINAL);
        assertThat(column(held, "status")).isEqualTo("SENT");
        assertThat(column(held, "message_id")).isEqualTo("<" + held + "@wsis.test>");
        assertThat(column(takenOver, "status")).isEqualTo("SENT");
        assertThat(column(locked, "status")).isEqualTo("PENDING");
        assertThat(sentEvents(held)).isEqualTo(1);
        assertThat(sentEvents(takenOver)).isEqualTo(1);
        assertThat(sentEvents(alreadySent)).isZero();
        assertThat(sentEvents(locked)).isZero();
        assertThat(sentEvents(gone)).isZero();

        // Asked again once the lock is gone, as the sender does: recorded once, with its one event.
        DeliveryRepository.SentRecord again = VertxContextSupport.subscribeAndAwait(() -> store.markSent(locked,
                UUID.randomUUID(), "INVITATION", a, "minister@example.org", "<" + locked + "@wsis.test>", ENGLISH));
        assertThat(again).isEqualTo(DeliveryRepository.SentRecord.RECORDED);
        assertThat(sentEvents(locked)).isEqualTo(1);
    }

    /** The intent was read, and its claim renewed for a whole lease from now. */
    private static void assertRenewedAndLoaded(DeliveryRepository.Loaded loaded, UUID id) {
        assertThat(loaded).isNotNull();
        assertThat(loaded.notification().id).isEqualTo(id);
        assertThat(secondsOfLeaseLeft(id)).isBetween(25L, 30L);
    }

    private DistributionSummary statements(String statement) {
        return registry.get("wsis.notifications.sender.requests.per.statement").tag("statement", statement).summary();
    }

    private static long sentEvents(UUID id) {
        return TestPostgres.queryLong(DB,
                "select count(*) from outbox_event where event_type = 'NotificationSent.v1' and payload like ?",
                "%" + id + "%");
    }

    private static void lockRow(Connection blocker, UUID id) throws Exception {
        try (PreparedStatement s = blocker.prepareStatement("select id from notification where id = ? for update")) {
            s.setObject(1, id);
            s.executeQuery().close();
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A pending intent due in a year (business time), claimed by {@code holder} until {@code until} (SQL). */
    private static UUID intentClaimedBy(String holder, String until) {
        UUID id = UUID.randomUUID();
        TestPostgres.execute(DB, """
                        insert into notification (id, intent_key, invitation_id, kind, status, attempts,
                                                  next_attempt_at, created_at, claimed_by, claimed_until)
                        values (?, ?, ?, 'INVITATION', 'PENDING', 1, ?, now(), ?, %s)""".formatted(until),
                id, "claim-lease-test|" + id, UUID.randomUUID(),
                OffsetDateTime.ofInstant(Instant.now().plus(365, ChronoUnit.DAYS), ZoneOffset.UTC), holder);
        return id;
    }

    private static long secondsOfLeaseLeft(UUID id) {
        return TestPostgres.queryLong(DB,
                "select extract(epoch from claimed_until - now())::bigint from notification where id = ?", id);
    }

    private static String column(UUID id, String column) {
        return TestPostgres.queryString(DB, "select " + column + " from notification where id = ?", id);
    }
}
