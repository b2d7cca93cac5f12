package itu.wsis.registration.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Replies in plain SQL, so that the statements of the accept request are exactly the ones written here (and in
 * docs/registration-accept-sql.md, which the benchmark replays with pgbench). Every method uses the caller's
 * session, one statement at a time.
 */
@ApplicationScoped
public class ReplyRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<DelegationMember>> DELEGATION = new TypeReference<>() {
    };

    private static final String REPLY_COLUMNS = """
            version, status, participation_mode, cast(delegation as text) as delegation, decline_reason, channel, \
            late, correction, recorded_at, recorded_by, document_reference, document_date, note""";

    /** The one read of a reply request: the invitation, its forum's settings and its current reply. */
    static final String LOAD_FOR_REPLY = """
            select i.invitation_id, i.forum_id, i.forum_code, i.letter_reference, i.deadline_date,
                   i.deadline_time_zone, i.deadline_ends_at, i.link_version, i.revoked_at,
                   s.late_reply_policy, s.max_delegation_size,
                   r.version, r.status, r.participation_mode, r.delegation, r.decline_reason, r.channel,
                   r.late, r.correction, r.recorded_at, r.recorded_by, r.document_reference, r.document_date, r.note,
                   i.erased_at
              from invitation_view i
              left join forum_settings s on s.forum_id = i.forum_id
              left join lateral (select %s
                                   from reply
                                  where reply.invitation_id = i.invitation_id
                                  order by reply.version desc
                                  limit 1) r on true
             where i.invitation_id = :invitationId""".formatted(REPLY_COLUMNS);

    /**
     * The version number is the guard: a concurrent writer of the same version inserts nothing. The delegation is
     * bound as text and cast by PostgreSQL: bound straight to jsonb, the driver would store it as one JSON string.
     */
    static final String INSERT_REPLY = """
            insert into reply (invitation_id, version, status, participation_mode, delegation, decline_reason,
                               channel, late, correction, recorded_at, recorded_by, document_reference,
                               document_date, note)
            values (:invitationId, :version, :status, :mode, cast(cast(:delegation as text) as jsonb), :declineReason,
                    :channel, :late, :correction, :recordedAt, :recordedBy, :documentReference,
                    :documentDate, :note)
            on conflict (invitation_id, version) do nothing""";

    static final String HISTORY = """
            select %s
              from reply
             where invitation_id = :invitationId
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
             where i.forum_id = :forumId
             order by i.member_state, i.invitation_id""".formatted(REPLY_COLUMNS);

    /** The invitation with its effective settings and current reply, or null when this service does not know it. */
    public Uni<Invitation> loadForReply(UUID invitationId, ForumSettings defaults) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LOAD_FOR_REPLY, Object[].class)
                        .setParameter("invitationId", invitationId)
                        .getSingleResultOrNull())
                .map(row -> row == null ? null : toInvitation(row, defaults));
    }

    /** False when another request wrote this version first. */
    public Uni<Boolean> insert(UUID invitationId, Reply reply) {
        ReplyContent content = reply.content();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT_REPLY)
                        .setParameter("invitationId", invitationId)
                        .setParameter("version", reply.version())
                        .setParameter("status", content.status().name())
                        .setParameter("mode", content.mode() == null ? null : content.mode().name())
                        .setParameter("delegation", toJson(content.delegation()))
                        .setParameter("declineReason", content.declineReason())
                        .setParameter("channel", reply.channel().name())
                        .setParameter("late", reply.late())
                        .setParameter("correction", reply.correction())
                        .setParameter("recordedAt", OffsetDateTime.ofInstant(reply.recordedAt(), ZoneOffset.UTC))
                        .setParameter("recordedBy", reply.recordedBy())
                        .setParameter("documentReference", reply.documentReference())
                        .setParameter("documentDate", reply.documentDate())
                        .setParameter("note", reply.note())
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<List<Reply>> history(UUID invitationId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(HISTORY, Object[].class)
                        .setParameter("invitationId", invitationId)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> toReply(row, 0).orElseThrow()).toList());
    }

    public Uni<List<ForumReply>> forumReplies(UUID forumId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(FORUM_REPLIES, Object[].class)
                        .setParameter("forumId", forumId)
                        .getResultList())
                .map(rows -> rows.stream().map(ReplyRepository::toForumReply).toList());
    }

    private static Invitation toInvitation(Object[] row, ForumSettings defaults) {
        String policy = (String) row[9];
        Number maxSize = (Number) row[10];
        ForumSettings settings = policy == null ? defaults
                : new ForumSettings(LateReplyPolicy.valueOf(policy), maxSize.intValue());
        ResponseDeadline deadline = new ResponseDeadline(localDate(row[4]), ZoneId.of((String) row[5]),
                instant(row[6]));
        return new Invitation((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], deadline,
                ((Number) row[7]).intValue(), row[8] != null, settings, toReply(row, 11), row[24] != null);
    }

    private static ForumReply toForumReply(Object[] row) {
        return new ForumReply((UUID) row[0], (String) row[1], (String) row[2], Language.fromCode((String) row[3]),
                Rank.valueOf((String) row[4]), row[5] != null, toReply(row, 6));
    }

    /** The reply columns of {@link #REPLY_COLUMNS} starting at {@code at}; empty when the left join found none. */
    private static Optional<Reply> toReply(Object[] row, int at) {
        if (row[at] == null) {
            return Optional.empty();
        }
        String mode = (String) row[at + 2];
        ReplyContent content = new ReplyContent(ReplyStatus.valueOf((String) row[at + 1]),
                mode == null ? null : ParticipationMode.valueOf(mode), fromJson((String) row[at + 3]),
                (String) row[at + 4]);
        return Optional.of(new Reply(((Number) row[at]).intValue(), content, ReplyChannel.valueOf((String) row[at + 5]),
                (Boolean) row[at + 6], (Boolean) row[at + 7], instant(row[at + 8]), (String) row[at + 9],
                (String) row[at + 10], localDate(row[at + 11]), (String) row[at + 12]));
    }

    private static String toJson(List<DelegationMember> delegation) {
        try {
            return JSON.writeValueAsString(delegation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a delegation", e);
        }
    }

    private static List<DelegationMember> fromJson(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, DELEGATION);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable delegation in the reply table", e);
        }
    }

    // The driver's Java types for timestamptz and date in native queries differ between Hibernate versions.
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }

    private static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("unexpected date type " + value.getClass().getName());
    }
}
