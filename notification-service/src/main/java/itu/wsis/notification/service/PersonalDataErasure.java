package itu.wsis.notification.service;

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
 * what the retention purge erases, for the person's invitations only. The directory row loses name, form of
 * address, title, email and cc and is marked erased (created so, if its InvitationIssued has not arrived yet), so
 * that later events for it store no personal data and cause no email; every intent still pending is cancelled;
 * the delivery log keeps ids, kinds, statuses, languages, Message-IDs and times, without payload or recipient.
 * The report (counts only) goes out on wsis.notification-events in the same transaction.
 */
@ApplicationScoped
public class PersonalDataErasure {

    public static final String SERVICE = "notification-service";

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
        erased.put("contacts", 0);
        erased.put("deliveryLogEntries", 0);
        erased.put("cancelledNotifications", 0);
        Uni<Void> work = ids.isEmpty() ? Uni.createFrom().voidItem()
                : count("""
                        select count(*) from contact where invitation_id in (:ids)
                           and (full_name is not null or form_of_address is not null or title is not null
                                or email is not null or cc is not null)""", ids)
                .invoke(n -> erased.put("contacts", n))
                .chain(() -> update("""
                        update notification set status = 'CANCELLED', last_error = 'personal data erased'
                         where invitation_id in (:ids) and status = 'PENDING'""", ids))
                .invoke(n -> erased.put("cancelledNotifications", n))
                .chain(() -> update("""
                        update notification set payload = null, recipient = null
                         where invitation_id in (:ids) and (payload is not null or recipient is not null)""", ids))
                .invoke(n -> erased.put("deliveryLogEntries", n))
                .chain(() -> eraseContacts(ids, now, 0));
        return work.chain(() -> outbox.append(new PersonalDataErased(UUID.randomUUID(), now, request.erasureId(),
                SERVICE, erased)));
    }

    private static Uni<Integer> count(String sql, List<UUID> ids) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Long.class).setParameter("ids", ids)
                .getSingleResult()).map(Long::intValue);
    }

    private static Uni<Integer> update(String sql, List<UUID> ids) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter("ids", ids).executeUpdate());
    }

    private static Uni<Void> eraseContacts(List<UUID> ids, Instant now, int from) {
        if (from >= ids.size()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into contact (invitation_id, erased_at) values (:id, :now)
                        on conflict (invitation_id) do update set full_name = null, form_of_address = null,
                               title = null, email = null, cc = null,
                               erased_at = coalesce(contact.erased_at, excluded.erased_at)""")
                        .setParameter("id", ids.get(from)).setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .chain(() -> eraseContacts(ids, now, from + 1));
    }
}
