package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.PersonalDataErased;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.invitation.config.InvitationConfig;
import itu.wsis.invitation.domain.Erasure;
import itu.wsis.invitation.domain.PageOf;
import itu.wsis.invitation.repository.ErasureReportEntity;
import itu.wsis.invitation.repository.ErasureRequestEntity;
import itu.wsis.invitation.repository.InvitationEntity;
import itu.wsis.invitation.repository.InviteeEntity;
import itu.wsis.invitation.repository.JsonColumns;
import itu.wsis.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erasure of one person's personal data, on the secretariat's request. This service owns the invitee: it erases its
 * own data in the request's transaction and publishes {@link PersonalDataErasureRequested} with the ids of every
 * invitation of that person (through the outbox, in the same transaction); the other services erase theirs and
 * report with {@link PersonalDataErased}, which {@link #recordReport} collects. One request per person: asking
 * again answers the same request.
 */
@ApplicationScoped
public class ErasureService {

    public static final String SERVICE = "invitation-service";
    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    public record Requested(Erasure erasure, boolean created) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final InvitationConfig config;

    public ErasureService(Outbox outbox, Clock clock, InvitationConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    public List<String> services() {
        return config.erasure().services();
    }

    /** The invitee's row is locked first, so that two requests for one person serialise and the second finds the first. */
    @WithTransaction
    public Uni<Requested> request(UUID inviteeId, String requestedBy) {
        return Problems.found(InviteeEntity.<InviteeEntity>findById(inviteeId, LockModeType.PESSIMISTIC_WRITE),
                        "invitee", inviteeId)
                .chain(invitee -> ErasureRequestEntity.<ErasureRequestEntity>find("inviteeId", inviteeId).firstResult()
                        .chain(existing -> existing != null
                                ? load(existing).map(erasure -> new Requested(erasure, false))
                                : erase(invitee, requestedBy).map(erasure -> new Requested(erasure, true))));
    }

    @WithSession
    public Uni<Erasure> get(UUID id) {
        return Problems.found(ErasureRequestEntity.<ErasureRequestEntity>findById(id), "erasure-request", id)
                .chain(this::load);
    }

    @WithSession
    public Uni<PageOf<Erasure>> list(int page, int size) {
        var query = ErasureRequestEntity.<ErasureRequestEntity>findAll(Sort.descending("requestedAt").and("id"))
                .page(Page.of(page, size));
        return query.list().chain(requests -> loadAll(requests, 0, new java.util.ArrayList<>()))
                .chain(items -> query.count().map(total -> new PageOf<>(items, page, size, total)));
    }

    /**
     * A service's report, inside the inbox's transaction. The first report of a service for an erasure counts; a
     * report for an erasure this service never requested (another environment's) is logged and dropped.
     */
    public Uni<Void> recordReport(PersonalDataErased report) {
        if (SERVICE.equals(report.service())) {
            return Uni.createFrom().voidItem();
        }
        return ErasureRequestEntity.<ErasureRequestEntity>findById(report.erasureId()).chain(request -> {
            if (request == null) {
                LOG.warnf("Erasure report from %s for an unknown erasure %s: ignored", report.service(),
                        report.erasureId());
                return Uni.createFrom().voidItem();
            }
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into erasure_report (erasure_id, service, reported_at, erased)
                            values (:erasure, :service, :at, :erased)
                            on conflict (erasure_id, service) do nothing""")
                    .setParameter("erasure", report.erasureId())
                    .setParameter("service", report.service())
                    .setParameter("at", report.occurredAt().atOffset(ZoneOffset.UTC))
                    .setParameter("erased", JsonColumns.counts(report.erased()))
                    .executeUpdate()).replaceWithVoid();
        });
    }

    /** Reports arrive on the registration, speaking-request and notification topics; everything else is not ours. */
    public Uni<Void> apply(DomainEvent event) {
        return event instanceof PersonalDataErased report ? recordReport(report) : Uni.createFrom().voidItem();
    }

    private Uni<Erasure> erase(InviteeEntity invitee, String requestedBy) {
        Instant now = clock.instant();
        UUID erasureId = UUID.randomUUID();
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put("invitees", 1);
        int addresses = (invitee.email == null ? 0 : 1) + JsonColumns.list(invitee.ccJson).size();
        erased.put("emailAddresses", addresses);
        invitee.fullName = null;
        invitee.formOfAddress = null;
        invitee.title = null;
        invitee.ministry = null;
        invitee.email = null;
        invitee.emailNormalized = null;
        invitee.ccJson = JsonColumns.list(List.of());
        invitee.erasedAt = now;
        invitee.updatedAt = now;
        return InvitationEntity.<InvitationEntity>list("inviteeId", invitee.id).chain(invitations -> {
            List<UUID> ids = invitations.stream().map(i -> i.id).toList();
            // A revocation reason is the secretariat's free text about this person's invitation.
            int reasons = 0;
            for (InvitationEntity invitation : invitations) {
                if (invitation.revocationReason != null) {
                    invitation.revocationReason = null;
                    reasons++;
                }
            }
            erased.put("revocationReasons", reasons);
            return deletePublishedEvents(ids).chain(deleted -> {
                erased.put("outboxEvents", deleted);
                ErasureRequestEntity request = new ErasureRequestEntity();
                request.id = erasureId;
                request.inviteeId = invitee.id;
                request.requestedAt = now;
                request.requestedBy = requestedBy;
                request.invitationIds = JsonColumns.ids(ids);
                ErasureReportEntity own = new ErasureReportEntity();
                own.key = new ErasureReportEntity.Key(erasureId, SERVICE);
                own.reportedAt = now;
                own.erased = JsonColumns.counts(erased);
                return request.persist()
                        .chain(() -> own.persist())
                        .chain(() -> outbox.append(new PersonalDataErasureRequested(UUID.randomUUID(), now, erasureId,
                                invitee.id, ids)))
                        .replaceWith(() -> new Erasure(erasureId, invitee.id, now, requestedBy, ids,
                                List.of(new Erasure.Report(SERVICE, now, Map.copyOf(erased)))));
            });
        });
    }

    /**
     * Published events about these invitations still sit in the outbox for ops (wsis.outbox.retention): the
     * InvitationIssued among them names the person. They are gone from here; on the topic they stay until its
     * retention (docs/security.md). Unpublished rows stay: consumers must still receive them, and erase on the
     * request that follows.
     */
    private static Uni<Integer> deletePublishedEvents(List<UUID> invitationIds) {
        if (invitationIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from outbox_event where message_key in (:keys) and published_at is not null""")
                .setParameter("keys", invitationIds.stream().map(UUID::toString).toList())
                .executeUpdate());
    }

    private Uni<Erasure> load(ErasureRequestEntity request) {
        return ErasureReportEntity.<ErasureReportEntity>list("key.erasureId", request.id).map(reports ->
                new Erasure(request.id, request.inviteeId, request.requestedAt, request.requestedBy,
                        JsonColumns.ids(request.invitationIds), reports.stream()
                        .map(r -> new Erasure.Report(r.key.service(), r.reportedAt, JsonColumns.counts(r.erased)))
                        .toList()));
    }

    private Uni<List<Erasure>> loadAll(List<ErasureRequestEntity> requests, int from, List<Erasure> into) {
        if (from >= requests.size()) {
            return Uni.createFrom().item(into);
        }
        return load(requests.get(from)).chain(erasure -> {
            into.add(erasure);
            return loadAll(requests, from + 1, into);
        });
    }
}
