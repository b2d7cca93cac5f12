package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.PersonalDataErased;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.invitation.config.InvitationConfig;
import itu.wsis.invitation.domain.Erasure;
import itu.wsis.invitation.domain.PageOf;
import itu.wsis.invitation.domain.PersonalDataErasure;
import itu.wsis.invitation.repository.ErasureReportEntity;
import itu.wsis.invitation.repository.ErasureRepository;
import itu.wsis.invitation.repository.ErasureRequestEntity;
import itu.wsis.invitation.repository.InvitationEntity;
import itu.wsis.invitation.repository.InvitationRepository;
import itu.wsis.invitation.repository.InviteeEntity;
import itu.wsis.invitation.repository.InviteeRepository;
import itu.wsis.invitation.repository.JsonColumns;
import itu.wsis.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Erasure of one person's personal data, on the secretariat's request. This service owns the invitee: it erases its
 * own data in the request's transaction and publishes {@link PersonalDataErasureRequested} with the ids of every
 * invitation of that person (through the outbox, in the same transaction); the other services erase theirs and
 * report with {@link PersonalDataErased}, which {@link #recordReport} collects. One request per person: asking
 * again answers the same request. What is erased and counted, and the event, are {@link PersonalDataErasure}'s.
 */
@ApplicationScoped
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    public record Requested(Erasure erasure, boolean created) {
    }

    private final ErasureRepository erasures;
    private final InviteeRepository invitees;
    private final InvitationRepository invitations;
    private final Outbox outbox;
    private final Clock clock;
    private final InvitationConfig config;

    public ErasureService(ErasureRepository erasures, InviteeRepository invitees, InvitationRepository invitations,
                          Outbox outbox, Clock clock, InvitationConfig config) {
        this.erasures = erasures;
        this.invitees = invitees;
        this.invitations = invitations;
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
        return Problems.found(invitees.findByIdForUpdate(inviteeId), "invitee", inviteeId)
                .chain(invitee -> erasures.findByInvitee(inviteeId)
                        .chain(existing -> existing != null
                                ? load(existing).map(erasure -> new Requested(erasure, false))
                                : erase(invitee, requestedBy).map(erasure -> new Requested(erasure, true))));
    }

    @WithSession
    public Uni<Erasure> get(UUID id) {
        return Problems.found(erasures.findById(id), "erasure-request", id).chain(this::load);
    }

    @WithSession
    public Uni<PageOf<Erasure>> list(int page, int size) {
        return erasures.page(page, size).chain(found -> loadAll(found.items(), 0, new ArrayList<>())
                .map(items -> new PageOf<>(items, found.page(), found.size(), found.total())));
    }

    /** Up to {@code batch} people past retention (not erased, nothing issued to them since {@code before}). */
    @WithSession
    public Uni<List<UUID>> pastRetention(Instant before, int batch) {
        return invitees.pastRetention(before, batch);
    }

    /**
     * A service's report, inside the inbox's transaction. The first report of a service for an erasure counts; a
     * report for an erasure this service never requested (another environment's) is logged and dropped.
     */
    public Uni<Void> recordReport(PersonalDataErased report) {
        if (!PersonalDataErasure.counts(report.service())) {
            return Uni.createFrom().voidItem();
        }
        return erasures.findById(report.erasureId()).chain(request -> {
            if (request == null) {
                LOG.warnf("Erasure report from %s for an unknown erasure %s: ignored", report.service(),
                        report.erasureId());
                return Uni.createFrom().voidItem();
            }
            return erasures.insertReport(report.erasureId(), report.service(), report.occurredAt(), report.erased())
                    .replaceWithVoid();
        });
    }

    /** Reports arrive on the registration, speaking-request and notification topics; everything else is not ours. */
    public Uni<Void> apply(DomainEvent event) {
        return event instanceof PersonalDataErased report ? recordReport(report) : Uni.createFrom().voidItem();
    }

    /**
     * Published events about the person's invitations still sit in the outbox for ops (wsis.outbox.retention): the
     * InvitationIssued among them names the person. They are gone from here; on the topic they stay until its
     * retention (docs/security.md). Unpublished rows stay: consumers must still receive them, and erase on the
     * request that follows.
     */
    private Uni<Erasure> erase(InviteeEntity invitee, String requestedBy) {
        Instant now = clock.instant();
        UUID erasureId = UUID.randomUUID();
        boolean email = invitee.email != null;
        int cc = JsonColumns.list(invitee.ccJson).size();
        invitee.fullName = null;
        invitee.formOfAddress = null;
        invitee.title = null;
        invitee.ministry = null;
        invitee.email = null;
        invitee.emailNormalized = null;
        invitee.ccJson = JsonColumns.list(List.of());
        invitee.erasedAt = now;
        invitee.updatedAt = now;
        return invitations.listByInvitee(invitee.id).chain(found -> {
            var holdings = new PersonalDataErasure.Holdings(invitee.id, email, cc, found.stream()
                    .map(i -> new PersonalDataErasure.Invitation(i.id, i.revocationReason != null)).toList());
            // A revocation reason is the secretariat's free text about this person's invitation.
            for (InvitationEntity invitation : found) {
                invitation.revocationReason = null;
            }
            return erasures.deletePublishedEvents(holdings.invitationIds()).chain(deleted -> {
                PersonalDataErasure.Requested requested = PersonalDataErasure.request(erasureId, holdings, deleted,
                        requestedBy, now);
                Erasure erasure = requested.erasure();
                ErasureRequestEntity request = new ErasureRequestEntity();
                request.id = erasureId;
                request.inviteeId = invitee.id;
                request.requestedAt = now;
                request.requestedBy = requestedBy;
                request.invitationIds = JsonColumns.ids(erasure.invitationIds());
                Erasure.Report ownReport = requested.ownReport();
                ErasureReportEntity own = new ErasureReportEntity();
                own.key = new ErasureReportEntity.Key(erasureId, ownReport.service());
                own.reportedAt = ownReport.reportedAt();
                own.erased = JsonColumns.counts(ownReport.erased());
                return erasures.persist(request, own)
                        .chain(() -> outbox.append(requested.event()))
                        .replaceWith(erasure);
            });
        });
    }

    private Uni<Erasure> load(ErasureRequestEntity request) {
        return erasures.reports(request.id).map(reports ->
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
