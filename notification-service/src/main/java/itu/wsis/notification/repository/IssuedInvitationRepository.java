package itu.wsis.notification.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.support.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static itu.wsis.support.sql.SqlValues.timestamptz;

/**
 * The consumer's hot write, InvitationIssued, as one statement on the reactive pool: the inbox row, the contact
 * upsert and the invitation intent. One statement is one transaction (autocommit), so the three commit or roll back
 * together, as they did in the ORM transaction it replaces (three to five statements plus BEGIN and COMMIT through a
 * Hibernate session, the consumer's largest cost in the bulk, issue #16).
 * <p>
 * Each part runs only if the one before it wrote something: no contact change for an event id already in the
 * inbox; no update of a revoked or erased invitation's row ({@code on conflict ... where}), and then no intent.
 * {@code on conflict do update} locks the row like the ORM's {@code select ... for update} did, so events about
 * one invitation consumed at once from other topics (or by another instance) still change it one after the other.
 */
@ApplicationScoped
public class IssuedInvitationRepository {

    /** The columns InvitationIssued sets, as DirectoryProjection's ORM path set them. */
    public record Contact(UUID invitationId, UUID forumId, UUID letterId, String fullName, String formOfAddress,
                          String rank, String title, String email, String cc, String language, String timeZone,
                          String memberState, boolean hasResponseDeadline, LocalDate responseDeadlineDate,
                          String responseDeadlineZone, Instant responseDeadlineAt, boolean hasSpeakingDeadline,
                          LocalDate speakingDeadlineDate, String speakingDeadlineZone, Instant speakingDeadlineAt,
                          int linkVersion, Instant linkExpiresAt, Instant issuedAt) {
    }

    static final String SQL = """
            with inbox as (
                insert into inbox_processed_event (event_id, event_type, topic) values ($1, $2, $3)
                on conflict (event_id) do nothing
                returning event_id),
            contact as (
                insert into contact as c (invitation_id, forum_id, letter_id, full_name, form_of_address, rank, title,
                                          email, cc, language, time_zone, member_state, response_deadline_date,
                                          response_deadline_zone, response_deadline_at, speaking_deadline_date,
                                          speaking_deadline_zone, speaking_deadline_at, link_version, link_expires_at,
                                          issued_at)
                select $4::uuid, $5::uuid, $6::uuid, $7::varchar, $8::varchar, $9::varchar, $10::varchar, $11::varchar,
                       $12::text, $13::varchar, $14::varchar, $15::varchar, $17::date, $18::varchar, $19::timestamptz,
                       $21::date, $22::varchar, $23::timestamptz, $24::integer, $25::timestamptz, $26::timestamptz
                  from inbox
                on conflict (invitation_id) do update set
                    forum_id = excluded.forum_id, letter_id = excluded.letter_id, full_name = excluded.full_name,
                    form_of_address = excluded.form_of_address, rank = excluded.rank, title = excluded.title,
                    email = excluded.email, cc = excluded.cc, language = excluded.language,
                    time_zone = excluded.time_zone, member_state = excluded.member_state,
                    response_deadline_date = case when $16::boolean then excluded.response_deadline_date
                                                  else c.response_deadline_date end,
                    response_deadline_zone = case when $16::boolean then excluded.response_deadline_zone
                                                  else c.response_deadline_zone end,
                    response_deadline_at = case when $16::boolean then excluded.response_deadline_at
                                                else c.response_deadline_at end,
                    speaking_deadline_date = case when $20::boolean then excluded.speaking_deadline_date
                                                  else c.speaking_deadline_date end,
                    speaking_deadline_zone = case when $20::boolean then excluded.speaking_deadline_zone
                                                  else c.speaking_deadline_zone end,
                    speaking_deadline_at = case when $20::boolean then excluded.speaking_deadline_at
                                                else c.speaking_deadline_at end,
                    -- never back to an older link version
                    link_version = case when c.link_version is null or c.link_version < excluded.link_version
                                        then excluded.link_version else c.link_version end,
                    link_expires_at = case when c.link_version is null or c.link_version < excluded.link_version
                                           then excluded.link_expires_at else c.link_expires_at end,
                    issued_at = excluded.issued_at
                  where c.revoked_at is null and c.erased_at is null
                returning c.invitation_id),
            intent as (
                insert into notification (id, intent_key, invitation_id, kind, status, attempts, next_attempt_at,
                                          created_at, trace_parent)
                select $27::uuid, $28::varchar, invitation_id, 'INVITATION', 'PENDING', 0, $29::timestamptz,
                       $29::timestamptz, $30::varchar
                  from contact
                on conflict (intent_key) do nothing)
            select exists (select 1 from inbox) as applied""";

    private final Pool pool;

    public IssuedInvitationRepository(Pool pool) {
        this.pool = pool;
    }

    /** True when the event was applied now; false when its id was in the inbox already (nothing changed). */
    public Uni<Boolean> apply(UUID eventId, String eventType, String topic, Contact c, UUID intentId,
                              String intentKey, Instant now) {
        Tuple t = Tuple.tuple()
                .addValue(eventId).addValue(eventType).addValue(topic)
                .addValue(c.invitationId()).addValue(c.forumId()).addValue(c.letterId()).addValue(c.fullName())
                .addValue(c.formOfAddress()).addValue(c.rank()).addValue(c.title()).addValue(c.email())
                .addValue(c.cc()).addValue(c.language()).addValue(c.timeZone()).addValue(c.memberState())
                .addValue(c.hasResponseDeadline()).addValue(c.responseDeadlineDate())
                .addValue(c.responseDeadlineZone()).addValue(timestamptz(c.responseDeadlineAt()))
                .addValue(c.hasSpeakingDeadline()).addValue(c.speakingDeadlineDate())
                .addValue(c.speakingDeadlineZone()).addValue(timestamptz(c.speakingDeadlineAt()))
                .addValue(c.linkVersion()).addValue(timestamptz(c.linkExpiresAt())).addValue(timestamptz(c.issuedAt()))
                .addValue(intentId).addValue(intentKey).addValue(timestamptz(now))
                // The InvitationIssued event's trace (the issue request): the invitation email is sent in it.
                .addValue(TraceContexts.current());
        return pool.preparedQuery(SQL).execute(t).map(rows -> rows.iterator().next().getBoolean("applied"));
    }
}
