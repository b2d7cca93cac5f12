package itu.wsis.speaking.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

import static itu.wsis.support.sql.SqlValues.timestamptz;

/**
 * The invitation-event consumer's hot write, InvitationIssued, as one statement on the reactive pool: the inbox row,
 * the placeholder forum and the invitation's row. One statement is one transaction (autocommit), so the three commit or
 * roll back together, as they did in the Hibernate transaction this replaces (BEGIN, three native statements through a
 * Hibernate session, COMMIT: in a bulk of 10,000 invitations about 2.6 ms of this service's CPU per invitation,
 * bench/results/2026-12-05-a2e0a00-dirty-emails.md).
 * <p>
 * The forum and the invitation are written only if the inbox row is new. The placeholder forum is there in case the
 * invitation overtook its ForumEditionPublished (requests need its lock). The invitation's row may exist already,
 * made by a reply or a revocation from the other topic: it takes the event's values, keeps its reply and revocation,
 * and never goes back to an older link version.
 */
@ApplicationScoped
public class IssuedInvitationRepository {

    static final String SQL = """
            with inbox as (
                insert into inbox_processed_event (event_id, event_type, topic) values ($1, $2, $3)
                on conflict (event_id) do nothing
                returning event_id),
            placeholder_forum as (
                insert into forum (id, code, late_policy)
                select $4::uuid, $5::varchar, $6::varchar from inbox
                on conflict (id) do nothing),
            issued as (
                insert into invitation (id, forum_id, letter_id, member_state, rank, link_version, link_expires_at,
                                        preferred_language, speaking_deadline_at, issued)
                select $7::uuid, $4::uuid, $8::uuid, $9::varchar, $10::varchar, $11::integer, $12::timestamptz,
                       $13::varchar, $14::timestamptz, true
                  from inbox
                on conflict (id) do update set forum_id = excluded.forum_id, letter_id = excluded.letter_id,
                       member_state = excluded.member_state, rank = excluded.rank,
                       link_expires_at = case when excluded.link_version >= invitation.link_version
                                              then excluded.link_expires_at else invitation.link_expires_at end,
                       link_version = greatest(invitation.link_version, excluded.link_version),
                       preferred_language = excluded.preferred_language,
                       speaking_deadline_at = excluded.speaking_deadline_at, issued = true)
            select exists (select 1 from inbox) as applied""";

    /** The columns InvitationIssued sets; {@code latePolicy} is the placeholder forum's, the configured default. */
    public record Issued(UUID invitationId, UUID forumId, String forumCode, String latePolicy, UUID letterId,
                         String memberState, String rank, int linkVersion, Instant linkExpiresAt,
                         String preferredLanguage, Instant speakingDeadlineAt) {
    }

    private final Pool pool;

    public IssuedInvitationRepository(Pool pool) {
        this.pool = pool;
    }

    /** True when the event was applied now; false when its id was in the inbox already (nothing changed). */
    public Uni<Boolean> apply(UUID eventId, String eventType, String topic, Issued i) {
        Tuple t = Tuple.tuple()
                .addValue(eventId).addValue(eventType).addValue(topic)
                .addValue(i.forumId()).addValue(i.forumCode()).addValue(i.latePolicy())
                .addValue(i.invitationId()).addValue(i.letterId()).addValue(i.memberState()).addValue(i.rank())
                .addValue(i.linkVersion()).addValue(timestamptz(i.linkExpiresAt())).addValue(i.preferredLanguage())
                .addValue(timestamptz(i.speakingDeadlineAt()));
        return pool.preparedQuery(SQL).execute(t).map(rows -> rows.iterator().next().getBoolean("applied"));
    }
}
