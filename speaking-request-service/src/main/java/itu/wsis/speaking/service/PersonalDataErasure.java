package itu.wsis.speaking.service;

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
 * the speaker's name and title, statement text, video reference and status reason of every speaking request of the
 * person's invitations, and the published events that named the speaker, still kept in the outbox for ops. The
 * allocation is untouched: the seat, its place in the order and the published list keep the Member State and
 * rank, without a name. The invitation is marked erased (created as a placeholder if its InvitationIssued has not
 * arrived yet), so that no new speaker can be named for it. The report (counts only) goes out in the same
 * transaction.
 */
@ApplicationScoped
public class PersonalDataErasure {

    public static final String SERVICE = "speaking-request-service";
    private static final String PERSONAL = """
            (speaker_name is not null or speaker_title is not null or statement_text is not null
             or video_reference is not null or status_reason is not null)""";

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
        for (String kind : List.of("speakingRequests", "speakerNames", "speakerTitles", "statementTexts",
                "videoReferences", "statusReasons", "outboxEvents")) {
            erased.put(kind, 0);
        }
        Uni<Void> work = ids.isEmpty() ? Uni.createFrom().voidItem()
                : lockForums(ids).chain(() -> count(ids, erased)).chain(() -> scrub(ids))
                .chain(() -> markErased(ids, now, 0))
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                                delete from outbox_event where message_key in (:keys) and published_at is not null""")
                        .setParameter("keys", ids.stream().map(UUID::toString).toList()).executeUpdate()))
                .invoke(deleted -> erased.put("outboxEvents", deleted))
                .replaceWithVoid();
        return work.chain(() -> outbox.append(new PersonalDataErased(UUID.randomUUID(), now, request.erasureId(),
                SERVICE, erased)));
    }

    /**
     * Every change to a forum's requests takes the forum's row lock first (AllocationEngine); so does the erasure,
     * so that a substitution in flight cannot write a speaker's name back after it.
     */
    private static Uni<Void> lockForums(List<UUID> ids) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select f.id from forum f
                         where f.id in (select r.forum_id from speaking_request r where r.invitation_id in (:ids))
                         order by f.id for update""", UUID.class)
                .setParameter("ids", ids).getResultList()).replaceWithVoid();
    }

    private static Uni<Void> count(List<UUID> ids, Map<String, Integer> erased) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select count(*), count(speaker_name), count(speaker_title), count(statement_text),
                               count(video_reference), count(status_reason)
                          from speaking_request where invitation_id in (:ids) and """ + PERSONAL, Object[].class)
                .setParameter("ids", ids).getSingleResult()).invoke(row -> {
            erased.put("speakingRequests", ((Number) row[0]).intValue());
            erased.put("speakerNames", ((Number) row[1]).intValue());
            erased.put("speakerTitles", ((Number) row[2]).intValue());
            erased.put("statementTexts", ((Number) row[3]).intValue());
            erased.put("videoReferences", ((Number) row[4]).intValue());
            erased.put("statusReasons", ((Number) row[5]).intValue());
        }).replaceWithVoid();
    }

    private static Uni<Integer> scrub(List<UUID> ids) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update speaking_request set speaker_name = null, speaker_title = null, statement_text = null,
                               video_reference = null, status_reason = null
                         where invitation_id in (:ids) and """ + PERSONAL)
                .setParameter("ids", ids).executeUpdate());
    }

    private static Uni<Void> markErased(List<UUID> ids, Instant now, int from) {
        if (from >= ids.size()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into invitation (id, erased_at) values (:id, :now)
                        on conflict (id) do update set erased_at = coalesce(invitation.erased_at, excluded.erased_at)""")
                        .setParameter("id", ids.get(from)).setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .chain(() -> markErased(ids, now, from + 1));
    }
}
