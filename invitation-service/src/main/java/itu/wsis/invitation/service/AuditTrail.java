package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.AuditEntry;
import itu.wsis.invitation.domain.AuditQuery;
import itu.wsis.invitation.domain.PageOf;
import itu.wsis.invitation.repository.AuditEntryRepository;
import itu.wsis.invitation.repository.ForumRepository;
import itu.wsis.invitation.repository.InvitationRepository;
import itu.wsis.support.csv.SpreadsheetCsv;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;

/**
 * The audit trail (docs/audit.md): written from the events of the invitation, registration and speaking-request
 * topics ({@link AuditEntryRepository#insert}, idempotent by event id), read per invitation or per forum.
 */
@ApplicationScoped
public class AuditTrail {

    /** Most entries one CSV export holds: an edition's whole trail is a few hundred thousand at most. */
    public static final int MAX_EXPORT = 200_000;

    static final List<String> CSV_HEADER = List.of("occurredAt", "action", "actorKind", "actorSubject", "channel",
            "documentReference", "summary", "forumId", "letterId", "invitationId", "sessionId", "speakingRequestId",
            "eventType", "eventId");

    private final AuditEntryRepository entries;
    private final InvitationRepository invitations;
    private final ForumRepository forums;

    public AuditTrail(AuditEntryRepository entries, InvitationRepository invitations, ForumRepository forums) {
        this.entries = entries;
        this.invitations = invitations;
        this.forums = forums;
    }

    /** One statement, its own transaction: true when new, false when the event was recorded before. */
    public Uni<Boolean> record(AuditEntry entry) {
        return entries.insert(entry);
    }

    @WithSession
    public Uni<PageOf<AuditEntry>> find(AuditQuery query) {
        return exists(query).chain(() -> entries.find(query));
    }

    /** RFC 4180 with a BOM, newest first, every matching entry up to {@link #MAX_EXPORT}. */
    @WithSession
    public Uni<String> csv(AuditQuery query) {
        return exists(query).chain(() -> entries.find(query.all(MAX_EXPORT))).map(page -> {
            StringBuilder csv = new StringBuilder(SpreadsheetCsv.BOM).append(SpreadsheetCsv.row(CSV_HEADER));
            page.items().forEach(e -> csv.append(SpreadsheetCsv.row(List.of(e.occurredAt().toString(),
                    e.action().name(), e.actorKind().name(), text(e.actorSubject()), text(e.channel()),
                    text(e.documentReference()), e.summary(), text(e.forumId()), text(e.letterId()),
                    text(e.invitationId()), text(e.sessionId()), text(e.speakingRequestId()), e.eventType(),
                    e.eventId().toString()))));
            return csv.toString();
        });
    }

    private Uni<Void> exists(AuditQuery query) {
        return (query.scope() == AuditQuery.Scope.INVITATION
                ? Problems.found(invitations.findById(query.id()), "invitation", query.id())
                : Problems.found(forums.findById(query.id()), "forum", query.id()))
                .replaceWithVoid();
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
