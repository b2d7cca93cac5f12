package itu.wsis.registration.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.registration.domain.DelegationMember;
import itu.wsis.registration.domain.ForumReply;
import itu.wsis.registration.domain.ForumSettings;
import itu.wsis.registration.domain.Invitation;
import itu.wsis.registration.domain.LateReplyPolicy;
import itu.wsis.registration.domain.Reply;
import itu.wsis.registration.domain.ReplyContent;
import itu.wsis.registration.domain.ResponseDeadline;
import itu.wsis.support.json.StoredJson;
import itu.wsis.support.sql.SqlFile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Replies in plain SQL, so that the statements of the accept request are exactly the ones written here (and in
 * docs/registration-accept-sql.md, which the benchmark replays with pgbench). Every statement runs on the Vert.x
 * client (the pool, or the caller's transaction on one of its connections) as a prepared statement;
 * one statement at a time on a connection.
 */
@ApplicationScoped
public class ReplyRepository {

    private static final TypeReference<List<DelegationMember>> DELEGATION = new TypeReference<>() {
    };

    static final String REPLY_COLUMNS = """
            version, status, participation_mode, cast(delegation as text) as delegation, decline_reason, channel, \
            late, correction, recorded_at, recorded_by, document_reference, document_date, note""";

    /** The reply path's statements (docs/registration-accept-sql.md): their one home, which bench/run replays. */
    private static final SqlFile REPLY_PATH = SqlFile.load("sql/reply-path.sql");

    /**
     * The one read of a reply request: the invitation, its forum's settings and its current reply. Like every
     * statement of the reply path it runs on the Vert.x client as a prepared statement that the connection keeps
     * (quarkus.datasource.reactive.cache-prepared-statements, on by default for PostgreSQL): parsed once per
     * connection, not interpreted by Hibernate on every request.
     */
    static final String LOAD_FOR_REPLY = REPLY_PATH.statement("load-for-reply");

    /** The version number is the guard: a concurrent writer of the same version inserts nothing. */
    static final String INSERT_REPLY = REPLY_PATH.statement("insert-reply");

    static final String HISTORY = """
            select %s
              from reply
             where invitation_id = $1
             order by version""".formatted(REPLY_COLUMNS);

    static final String FORUM_REPLIES = """
            select i.invitation_id, i.letter_reference, i.member_state, i.preferred_language, i.invitee_rank,
                   i.revoked_at,
                   r.version, r.status, r.participation_mode, r.delegation, r.decline_reason, r.channel,
                   r.late, r.correction, r.recorded_at, r.recorded_by, r.document_reference, r.document_date, r.note
              from invitation_view i
              left join lateral (select %s
                                   from reply
                                  where reply.invitation_id = i.invitation_id
                                  order by reply.version desc
                                  limit 1) r on true
             where i.forum_id = $1
             order by i.member_state, i.invitation_id""".formatted(REPLY_COLUMNS);

    private final Pool pool;

    public ReplyRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} in one transaction on one connection of the pool: committed when its item arrives, rolled
     * back on its failure (or when the connection is lost, which PostgreSQL rolls back by itself).
     */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** {@link #loadForReply(SqlClient, UUID, ForumSettings)} outside any transaction, for a read. */
    public Uni<Invitation> loadForReply(UUID invitationId, ForumSettings defaults) {
        return loadForReply(pool, invitationId, defaults);
    }

    /**
     * The invitation with its effective settings and current reply, or null when this service does not know it.
     * {@code client} is the pool for a read, or the connection of the caller's transaction for a write.
     */
    public Uni<Invitation> loadForReply(SqlClient client, UUID invitationId, ForumSettings defaults) {
        return client.preparedQuery(LOAD_FOR_REPLY).execute(Tuple.of(invitationId))
                .map(rows -> rows.size() == 0 ? null : toInvitation(rows.iterator().next(), defaults));
    }

    /** False when another request wrote this version first. {@code transaction}: the caller's. */
    public Uni<Boolean> insert(SqlConnection transaction, UUID invitationId, Reply reply) {
        ReplyContent content = reply.content();
        Tuple values = Tuple.tuple()
                .addUUID(invitationId)
                .addInteger(reply.version())
                .addString(content.status().name())
                .addString(content.mode() == null ? null : content.mode().name())
                .addString(toJson(content.delegation()))
                .addString(content.declineReason())
                .addString(reply.channel().name())
                .addBoolean(reply.late())
                .addBoolean(reply.correction())
                .addOffsetDateTime(OffsetDateTime.ofInstant(reply.recordedAt(), ZoneOffset.UTC))
                .addString(reply.recordedBy())
                .addString(reply.documentReference())
                .addLocalDate(reply.documentDate())
                .addString(reply.note());
        return transaction.preparedQuery(INSERT_REPLY).execute(values).map(result -> result.rowCount() == 1);
    }

    public Uni<List<Reply>> history(UUID invitationId) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(invitationId)).map(rows -> {
            List<Reply> all = new ArrayList<>(rows.size());
            for (Row row : rows) {
                all.add(toReply(row, 0).orElseThrow());
            }
            return all;
        });
    }

    public Uni<List<ForumReply>> forumReplies(UUID forumId) {
        return pool.preparedQuery(FORUM_REPLIES).execute(Tuple.of(forumId)).map(rows -> {
            List<ForumReply> all = new ArrayList<>(rows.size());
            for (Row row : rows) {
                all.add(toForumReply(row));
            }
            return all;
        });
    }

    private static Invitation toInvitation(Row row, ForumSettings defaults) {
        String policy = row.getString(9);
        ForumSettings settings = policy == null ? defaults
                : new ForumSettings(LateReplyPolicy.valueOf(policy), row.getInteger(10));
        ResponseDeadline deadline = new ResponseDeadline(row.getLocalDate(4), ZoneId.of(row.getString(5)),
                instant(row.getOffsetDateTime(6)));
        return new Invitation(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3), deadline,
                row.getInteger(7), row.getValue(8) != null, settings, toReply(row, 11), row.getValue(24) != null);
    }

    /** The reply columns of {@link #REPLY_COLUMNS} starting at {@code at}; empty when the left join found none. */
    private static Optional<Reply> toReply(Row row, int at) {
        Integer version = row.getInteger(at);
        if (version == null) {
            return Optional.empty();
        }
        String mode = row.getString(at + 2);
        ReplyContent content = new ReplyContent(ReplyStatus.valueOf(row.getString(at + 1)),
                mode == null ? null : ParticipationMode.valueOf(mode), fromJson(row.getString(at + 3)),
                row.getString(at + 4));
        return Optional.of(new Reply(version, content, ReplyChannel.valueOf(row.getString(at + 5)),
                row.getBoolean(at + 6), row.getBoolean(at + 7), instant(row.getOffsetDateTime(at + 8)),
                row.getString(at + 9), row.getString(at + 10), row.getLocalDate(at + 11), row.getString(at + 12)));
    }

    private static ForumReply toForumReply(Row row) {
        return new ForumReply(row.getUUID(0), row.getString(1), row.getString(2), Language.fromCode(row.getString(3)),
                Rank.valueOf(row.getString(4)), row.getValue(5) != null, toReply(row, 6));
    }

    private static String toJson(List<DelegationMember> delegation) {
        return StoredJson.write(delegation);
    }

    private static List<DelegationMember> fromJson(String json) {
        return json == null ? List.of() : StoredJson.read(json, DELEGATION);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
