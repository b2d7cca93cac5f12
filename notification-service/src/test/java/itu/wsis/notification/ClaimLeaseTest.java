package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import itu.wsis.notification.service.DeliveryStore;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender renews its claim on an intent just before sending it, and only while the claim is still the one it
 * wrote. The leases here lie a year ahead, so the running scheduled sender never claims these rows itself.
 */
@QuarkusTest
@NotificationServiceTest
class ClaimLeaseTest {

    private static final String DB = NotificationServiceTest.DATABASE;

    @Inject
    DeliveryStore store;

    @Test
    void aSenderStillHoldingItsLeaseRenewsItAndReadsTheIntent() throws Throwable {
        Instant held = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        UUID id = pendingIntent(held);
        Instant renewed = held.plus(30, ChronoUnit.SECONDS);

        DeliveryStore.Loaded loaded = VertxContextSupport.subscribeAndAwait(
                () -> store.renewClaimAndLoad(id, held, renewed));

        assertThat(loaded).isNotNull();
        assertThat(loaded.notification().id).isEqualTo(id);
        assertThat(nextAttemptAt(id)).isEqualTo(renewed);
    }

    @Test
    void aSenderWhoseLeaseWasTakenOverByAnotherInstanceGetsNothingAndChangesNothing() throws Throwable {
        Instant held = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        UUID id = pendingIntent(held);
        // Another instance claimed the row after this sender's lease ran out, and wrote its own lease.
        Instant othersLease = held.plus(90, ChronoUnit.SECONDS);
        TestPostgres.execute(DB, "update notification set next_attempt_at = ? where id = ?",
                utc(othersLease), id);

        DeliveryStore.Loaded loaded = VertxContextSupport.subscribeAndAwait(
                () -> store.renewClaimAndLoad(id, held, held.plus(30, ChronoUnit.SECONDS)));

        assertThat(loaded).isNull();
        assertThat(nextAttemptAt(id)).isEqualTo(othersLease);
    }

    @Test
    void anIntentNoLongerPendingIsNotClaimedAgain() throws Throwable {
        Instant held = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        UUID id = pendingIntent(held);
        TestPostgres.execute(DB, "update notification set status = 'SENT' where id = ?", id);

        DeliveryStore.Loaded loaded = VertxContextSupport.subscribeAndAwait(
                () -> store.renewClaimAndLoad(id, held, held.plus(30, ChronoUnit.SECONDS)));

        assertThat(loaded).isNull();
        assertThat(nextAttemptAt(id)).isEqualTo(held);
    }

    private static UUID pendingIntent(Instant nextAttemptAt) {
        UUID id = UUID.randomUUID();
        TestPostgres.execute(DB, """
                        insert into notification (id, intent_key, invitation_id, kind, status, attempts,
                                                  next_attempt_at, created_at)
                        values (?, ?, ?, 'INVITATION', 'PENDING', 1, ?, now())""",
                id, "claim-lease-test|" + id, UUID.randomUUID(), utc(nextAttemptAt));
        return id;
    }

    private static Instant nextAttemptAt(UUID id) {
        return Instant.ofEpochMilli(0).plus(TestPostgres.queryLong(DB,
                "select (extract(epoch from next_attempt_at) * 1000000)::bigint from notification where id = ?", id),
                ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
