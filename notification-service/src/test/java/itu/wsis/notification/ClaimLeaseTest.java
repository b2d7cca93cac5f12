package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import itu.wsis.events.Language;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.notification.repository.DeliveryRepository;
import itu.wsis.notification.service.DeliveryRecords;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
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

    private final String a = "A/" + UUID.randomUUID();
    private final String b = "B/" + UUID.randomUUID();

    @Test
    void theHolderRenewsItsClaimInDatabaseTimeAndReadsTheIntent() throws Throwable {
        UUID id = intentClaimedBy(a, "now() + interval '2 seconds'");

        DeliveryRepository.Loaded loaded = VertxContextSupport.subscribeAndAwait(() -> store.renewClaimAndLoad(id, a, LEASE));

        assertThat(loaded).isNotNull();
        assertThat(loaded.notification().id).isEqualTo(id);
        assertThat(secondsOfLeaseLeft(id)).isBetween(25L, 30L);
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
        assertThat(TestPostgres.queryLong(DB,
                "select count(*) from outbox_event where event_type = 'NotificationSent.v1' and payload like ?",
                "%" + id + "%")).isEqualTo(1);
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
