package itu.wsis.invitation.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.AuditAction;
import itu.wsis.invitation.domain.AuditActorKind;
import itu.wsis.invitation.domain.AuditEntry;
import itu.wsis.invitation.domain.AuditQuery;
import itu.wsis.invitation.service.AuditTrail;
import itu.wsis.support.openapi.ApiContract;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The audit views' wire format and their query parameters, shared by the invitation's and the forum's view. */
final class AuditWire {

    /** RFC 4180's media type; {@code header=present} tells importers the first line names the columns. */
    static final String CSV = "text/csv; charset=UTF-8; header=present";

    private AuditWire() {
    }

    @Schema(description = "One action in the audit trail. No personal data: the actor is the staff member's JWT subject, or just the kind (INVITEE via the personal link, SYSTEM, or UNKNOWN for an event written before events named their actor).")
    record AuditEntryResponse(UUID eventId, String eventType, Instant occurredAt,
                              @Schema(description = "What was done (docs/audit.md). The list is open: the trail "
                                      + "records more kinds of action as they are added, so a client must accept "
                                      + "an action it does not know.",
                                      extensions = @Extension(name = ApiContract.OPEN_ENUM, value = "true",
                                              parseValue = true))
                              AuditAction action,
                              AuditActorKind actorKind, String actorSubject, String channel,
                              String documentReference, String summary, UUID forumId, UUID letterId,
                              UUID invitationId, UUID sessionId, UUID speakingRequestId) {

        static AuditEntryResponse of(AuditEntry e) {
            return new AuditEntryResponse(e.eventId(), e.eventType(), e.occurredAt(), e.action(), e.actorKind(),
                    e.actorSubject(), e.channel(), e.documentReference(), e.summary(), e.forumId(), e.letterId(),
                    e.invitationId(), e.sessionId(), e.speakingRequestId());
        }
    }

    /** A page of entries, as {@link Paged} answers it: the schema the API document names. */
    @Schema(description = "One page of audit entries, newest first, and the number of matching entries over all pages.")
    record AuditPageResponse(List<AuditEntryResponse> items, int page, int size, long total) {
    }

    /** The filters as given; {@link #query} checks them all and answers every problem at once. */
    record Filters(List<String> actions, List<String> actorKinds, String from, String to, int page, int size,
                   String format) {
    }

    static AuditQuery query(AuditQuery.Scope scope, UUID id, Filters f, int maxPageSize) {
        Validation v = new Validation();
        Set<AuditAction> actions = enums("action", f.actions(), AuditAction.class, v);
        Set<AuditActorKind> kinds = enums("actorKind", f.actorKinds(), AuditActorKind.class, v);
        Instant from = instant("from", f.from(), v);
        Instant to = instant("to", f.to(), v);
        if (from != null && to != null && !from.isBefore(to)) {
            v.add("to", "must be later than from");
        }
        if (f.page() < 0) {
            v.add("page", "must be 0 or more");
        }
        if (f.size() < 1 || f.size() > maxPageSize) {
            v.add("size", "must be between 1 and " + maxPageSize);
        }
        if (f.format() != null && !f.format().equals("json") && !f.format().equals("csv")) {
            v.add("format", "must be json or csv");
        }
        v.throwIfAny();
        return new AuditQuery(scope, id, actions, kinds, from, to, f.page(), f.size());
    }

    /** CSV when asked with {@code ?format=csv}, or when the client's first choice is text/csv. */
    static boolean wantsCsv(Filters f, HttpHeaders headers) {
        if (f.format() != null) {
            return f.format().equals("csv");
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.valueOf("text/csv"))
                && !accepted.get(0).isWildcardType();
    }

    static Uni<Response> answer(AuditTrail trail, AuditQuery query, boolean csv, String fileName) {
        if (csv) {
            return trail.csv(query).map(text -> Response.ok(text, CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").build());
        }
        return trail.find(query).map(page -> Response.ok(Paged.of(page.map(AuditEntryResponse::of)),
                MediaType.APPLICATION_JSON_TYPE).build());
    }

    private static <E extends Enum<E>> Set<E> enums(String field, List<String> values, Class<E> type, Validation v) {
        Set<E> result = EnumSet.noneOf(type);
        if (values == null) {
            return result;
        }
        for (String value : values) {
            // ?action=A&action=B and ?action=A,B mean the same.
            for (String one : value.split(",")) {
                try {
                    result.add(Enum.valueOf(type, one.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    v.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
                    return result;
                }
            }
        }
        return result;
    }

    private static Instant instant(String field, String value, Validation v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            v.add(field, "must be an ISO-8601 instant in UTC, e.g. 2022-03-21T09:00:00Z");
            return null;
        }
    }
}
