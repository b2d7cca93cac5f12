package itu.wsis.registration.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.PersonalDataErased;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erases what this service holds about one person, inside the inbox transaction of the request (once per event):
 * the delegations of every version of the replies to the person's invitations (delegates' names, titles, addresses
 * and accessibility needs), decline reasons and the secretariat's correction notes; the published events that
 * carried delegates' names, still kept in the outbox for ops. A tombstone per invitation keeps them erased: a later
 * InvitationIssued creates the view already erased (sql/invitation-events.sql), and no reply can be recorded for them any more. The report
 * (counts only) goes out through the outbox in the same transaction.
 */
@ApplicationScoped
public class PersonalDataErasure {

    public static final String SERVICE = "registration-service";

    private final Outbox outbox;
    private final Clock clock;

    public PersonalDataErasure(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> erase(PersonalDataErasureRequested request) {
        Instant now = clock.instant();
        List<UUID> ids = request.invitationIds();
        Map<String, Integer> erased = new LinkedHashMap<>();
        for (String kind : List.of("replyVersions", "delegates", "accessibilityNeeds", "declineReasons", "notes",
                "outboxEvents")) {
            erased.put(kind, 0);
        }
        Uni<Void> work = ids.isEmpty() ? Uni.createFrom().voidItem()
                : count(ids, erased).chain(() -> scrubReplies(ids))
                .chain(() -> tombstones(ids, request.erasureId(), now, 0))
                // A visa letter's reference stays (the secretariat may be asked about it) but certifies no one.
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                                update visa_letter set member_name = null, member_title = null
                                 where invitation_id in (:ids)""")
                        .setParameter("ids", ids).executeUpdate()))
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                                update invitation_view set erased_at = :now
                                 where invitation_id in (:ids) and erased_at is null""")
                        .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("ids", ids).executeUpdate()))
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                                delete from outbox_event where message_key in (:keys) and published_at is not null""")
                        .setParameter("keys", ids.stream().map(UUID::toString).toList()).executeUpdate()))
                .invoke(deleted -> erased.put("outboxEvents", deleted))
                .replaceWithVoid();
        return work.chain(() -> outbox.append(new PersonalDataErased(UUID.randomUUID(), now, request.erasureId(),
                SERVICE, erased)));
    }

    /** What there is to erase, before it goes: reply versions with any personal content, and what they hold. */
    private static Uni<Void> count(List<UUID> ids, Map<String, Integer> erased) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select count(*),
                               coalesce(sum(jsonb_array_length(r.delegation)), 0),
                               coalesce(sum((select count(*) from jsonb_array_elements(r.delegation) m
                                              where coalesce(m ->> 'accessibilityNeed', '') <> '')), 0),
                               count(r.decline_reason),
                               count(r.note)
                          from reply r
                         where r.invitation_id in (:ids)
                           and (r.delegation <> '[]'::jsonb or r.decline_reason is not null or r.note is not null)""",
                        Object[].class)
                .setParameter("ids", ids).getSingleResult()).invoke(row -> {
            erased.put("replyVersions", ((Number) row[0]).intValue());
            erased.put("delegates", ((Number) row[1]).intValue());
            erased.put("accessibilityNeeds", ((Number) row[2]).intValue());
            erased.put("declineReasons", ((Number) row[3]).intValue());
            erased.put("notes", ((Number) row[4]).intValue());
        }).replaceWithVoid();
    }

    /**
     * Status, mode, channel, lateness, dates and who recorded each version stay: statistics and the history's
     * shape need them, and none says anything about the person.
     */
    private static Uni<Integer> scrubReplies(List<UUID> ids) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update reply set delegation = '[]'::jsonb, decline_reason = null, note = null
                         where invitation_id in (:ids)
                           and (delegation <> '[]'::jsonb or decline_reason is not null or note is not null)""")
                .setParameter("ids", ids).executeUpdate());
    }

    private static Uni<Void> tombstones(List<UUID> ids, UUID erasureId, Instant now, int from) {
        if (from >= ids.size()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into personal_data_erasure (invitation_id, erasure_id, erased_at)
                        values (:id, :erasure, :now) on conflict (invitation_id) do nothing""")
                        .setParameter("id", ids.get(from)).setParameter("erasure", erasureId)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC)).executeUpdate())
                .chain(() -> tombstones(ids, erasureId, now, from + 1));
    }
}
