package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ResponseDeadlineExtended;
import itu.wsis.invitation.config.InvitationConfig;
import itu.wsis.invitation.domain.BulkIssueResult;
import itu.wsis.invitation.domain.Invitation;
import itu.wsis.invitation.domain.InvitationQuery;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.domain.Invitee;
import itu.wsis.invitation.domain.InviteeDetails;
import itu.wsis.invitation.domain.IssueResult;
import itu.wsis.invitation.domain.IssueWarning;
import itu.wsis.invitation.domain.LinkExpiryPolicy;
import itu.wsis.invitation.domain.PageOf;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.InvitationEntity;
import itu.wsis.invitation.repository.InviteeEntity;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issuing and managing invitations. Issuing is idempotent per (letter, invitee): the unique constraint decides,
 * through {@code insert … on conflict do nothing}, so two racing requests create each invitation once, and each
 * publishes InvitationIssued only for the rows it inserted itself.
 */
@ApplicationScoped
public class InvitationService {

    private static final String ISSUE_SQL = """
            insert into invitation (id, letter_id, invitee_id, forum_id, letter_revision, status, reply_version,
                member_state, preferred_language, rank, response_deadline_date, response_deadline_zone,
                response_deadline_at, link_version, link_expires_at, issued_at, status_changed_at, issue_batch)
            select gen_random_uuid(), :letterId, i.id, :forumId, :revision, 'ISSUED', 0,
                i.member_state, i.preferred_language, i.rank, :deadlineDate, :deadlineZone,
                :deadlineAt, 1, :linkExpiresAt, :now, :now, :batch
            from invitee i
            where i.erased_at is null and (%s)
            order by i.id
            on conflict (letter_id, invitee_id) do nothing""";

    private final LetterService letters;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final Clock clock;
    private final InvitationConfig config;

    public InvitationService(LetterService letters, IdempotencyKeys idempotency, Outbox outbox, Clock clock,
                             InvitationConfig config) {
        this.letters = letters;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<IssueResult>> issueOne(UUID letterId, UUID inviteeId, String idempotencyKey,
            Actor actor) {
        return idempotency.once("issue-one", idempotencyKey, letterId + "/" + inviteeId, IssueResult.class,
                () -> Problems.found(InviteeEntity.<InviteeEntity>findById(inviteeId), "invitee", inviteeId)
                        .invoke(InvitationService::requireNotErased)
                        .chain(invitee -> issue(letterId, "i.id = :inviteeId", Map.of("inviteeId", inviteeId), actor))
                        .chain(issued -> issued.invitations().isEmpty()
                                ? InvitationEntity.<InvitationEntity>find("letterId = ?1 and inviteeId = ?2",
                                        letterId, inviteeId).firstResult()
                                .map(existing -> new IssueResult(existing.id, false, List.of()))
                                : Uni.createFrom().item(new IssueResult(issued.invitations().get(0).id, true,
                                        issued.warnings()))));
    }

    /** Issues the letter to every invitee in the registry who does not have it yet. */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<BulkIssueResult>> issueToAll(UUID letterId, String idempotencyKey,
            Actor actor) {
        return idempotency.once("issue-bulk", idempotencyKey, letterId.toString(), BulkIssueResult.class,
                () -> issue(letterId, "true", Map.of(), actor)
                        .chain(issued -> InvitationEntity.count("letterId", letterId)
                                .chain(total -> letters.issuable(letterId).map(l -> new BulkIssueResult(letterId,
                                        l.revision().revision, total.intValue(), issued.invitations().size(),
                                        total.intValue() - issued.invitations().size(), issued.warnings())))));
    }

    @WithTransaction
    public Uni<Invitation> revoke(UUID id, String reason, Actor actor) {
        return find(id).chain(invitation -> {
            InvitationStatus next = Problems.lifecycle(() -> InvitationStatus.valueOf(invitation.status).revoke());
            Instant now = clock.instant();
            invitation.status = next.name();
            invitation.statusChangedAt = now;
            invitation.revocationReason = reason;
            return outbox.append(new InvitationRevoked(UUID.randomUUID(), now, id, reason, actor))
                    .replaceWith(() -> Entities.invitation(invitation, now));
        });
    }

    @WithTransaction
    public Uni<Invitation> extendDeadline(UUID id, LocalDate newDate, Actor actor) {
        return find(id).chain(invitation -> {
            Problems.lifecycle(() -> InvitationStatus.valueOf(invitation.status).requireNotRevoked());
            if (!newDate.isAfter(invitation.responseDeadlineDate)) {
                throw ProblemException.badRequest("responseDeadline",
                        "must be later than the current deadline " + invitation.responseDeadlineDate);
            }
            Deadline deadline = Deadline.byEndOf(newDate, ZoneId.of(invitation.responseDeadlineZone));
            Instant now = clock.instant();
            invitation.responseDeadlineDate = deadline.date();
            invitation.responseDeadlineAt = deadline.endsAt();
            return outbox.append(new ResponseDeadlineExtended(UUID.randomUUID(), now, id, deadline, actor))
                    .replaceWith(() -> Entities.invitation(invitation, now));
        });
    }

    /** A new link version: verifiers refuse every link of an older version from the event on. */
    @WithTransaction
    public Uni<Invitation> reissueLink(UUID id, Actor actor) {
        return find(id).call(invitation -> InviteeEntity.<InviteeEntity>findById(invitation.inviteeId)
                .invoke(InvitationService::requireNotErased)).chain(invitation -> {
            Problems.lifecycle(() -> InvitationStatus.valueOf(invitation.status).requireNotRevoked());
            Instant now = clock.instant();
            invitation.linkVersion++;
            return outbox.append(new PersonalLinkReissued(UUID.randomUUID(), now, id, invitation.linkVersion,
                            invitation.linkExpiresAt, actor))
                    .replaceWith(() -> Entities.invitation(invitation, now));
        });
    }

    @WithSession
    public Uni<Invitation> get(UUID id) {
        return find(id).map(e -> Entities.invitation(e, clock.instant()));
    }

    @WithSession
    public Uni<PageOf<Invitation>> list(InvitationQuery q) {
        Instant now = clock.instant();
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (q.letterId() != null) {
            where.add("letterId = :letterId");
            params.and("letterId", q.letterId());
        }
        if (q.status() != null) {
            statusFilter(q.status(), now, where, params);
        }
        if (q.memberState() != null) {
            where.add("memberState = :memberState");
            params.and("memberState", q.memberStateUpper());
        }
        if (q.language() != null) {
            where.add("preferredLanguage = :language");
            params.and("language", q.language().code());
        }
        if (q.rank() != null) {
            where.add("rank = :rank");
            params.and("rank", q.rank().name());
        }
        Sort sort = Sort.by(q.sort().field(), q.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                .and("id");
        var query = (where.isEmpty()
                ? InvitationEntity.<InvitationEntity>findAll(sort)
                : InvitationEntity.<InvitationEntity>find(String.join(" and ", where), sort, params))
                .page(Page.of(q.page(), q.size()));
        return query.list().chain(items -> query.count().map(total -> new PageOf<>(
                items.stream().map(e -> Entities.invitation(e, now)).toList(), q.page(), q.size(), total)));
    }

    /** Counts by effective status, EXPIRED included, with every status present (zero when none). */
    @WithSession
    public Uni<Map<InvitationStatus, Long>> counts(UUID letterId) {
        Instant now = clock.instant();
        String scope = letterId == null ? "" : " where i.letterId = :letterId";
        return Panache.getSession().chain(session -> {
            var query = session.createQuery("select i.status, count(i) from InvitationEntity i" + scope
                    + " group by i.status", Object[].class);
            if (letterId != null) {
                query.setParameter("letterId", letterId);
            }
            return query.getResultList();
        }).chain(rows -> {
            Map<InvitationStatus, Long> counts = new EnumMap<>(InvitationStatus.class);
            for (InvitationStatus status : InvitationStatus.values()) {
                counts.put(status, 0L);
            }
            rows.forEach(row -> counts.put(InvitationStatus.valueOf((String) row[0]), (Long) row[1]));
            Parameters params = Parameters.with("issued", InvitationStatus.ISSUED.name()).and("now", now);
            String expired = "status = :issued and responseDeadlineAt <= :now";
            if (letterId != null) {
                expired += " and letterId = :letterId";
                params.and("letterId", letterId);
            }
            return InvitationEntity.count(expired, params).map(n -> {
                counts.put(InvitationStatus.EXPIRED, n);
                counts.put(InvitationStatus.ISSUED, counts.get(InvitationStatus.ISSUED) - n);
                return counts;
            });
        });
    }

    private static void statusFilter(InvitationStatus status, Instant now, List<String> where, Parameters params) {
        switch (status) {
            case EXPIRED -> {
                where.add("status = :status and responseDeadlineAt <= :now");
                params.and("status", InvitationStatus.ISSUED.name()).and("now", now);
            }
            case ISSUED -> {
                where.add("status = :status and responseDeadlineAt > :now");
                params.and("status", InvitationStatus.ISSUED.name()).and("now", now);
            }
            default -> {
                where.add("status = :status");
                params.and("status", status.name());
            }
        }
    }

    /** An erased person gets no new invitation and no new link: there is no one left to address them to. */
    private static void requireNotErased(InviteeEntity invitee) {
        if (invitee != null && invitee.erasedAt != null) {
            throw ProblemException.conflict("personal-data-erased",
                    "This person's personal data was erased on request: nothing more can be sent to them.");
        }
    }

    private Uni<InvitationEntity> find(UUID id) {
        return Problems.found(InvitationEntity.<InvitationEntity>findById(id), "invitation", id);
    }

    /** The invitations one call inserted, and what the secretariat should know about them. */
    private record Issued(List<InvitationEntity> invitations, List<IssueWarning> warnings) {
    }

    /**
     * Inserts the missing invitations of a letter for the invitees matching {@code inviteeFilter}, then writes
     * InvitationIssued for exactly the rows this call inserted, in one outbox batch.
     */
    private Uni<Issued> issue(UUID letterId, String inviteeFilter, Map<String, Object> filterParams, Actor actor) {
        UUID batch = UUID.randomUUID();
        Instant now = clock.instant();
        return letters.issuable(letterId).chain(issuable -> {
            ZoneId zone = ZoneId.of(issuable.forum().timeZone);
            Instant linkExpiresAt = LinkExpiryPolicy.expiresAt(issuable.forum().inPersonEnd, zone,
                    config.linkGrace());
            Deadline response = new Deadline(issuable.revision().responseDeadlineDate, zone.getId(),
                    issuable.revision().responseDeadlineAt);
            Deadline speaking = new Deadline(issuable.revision().speakingDeadlineDate, zone.getId(),
                    issuable.revision().speakingDeadlineAt);
            return Panache.getSession()
                    .chain(session -> {
                        var insert = session.createNativeQuery(ISSUE_SQL.formatted(inviteeFilter))
                                .setParameter("letterId", letterId)
                                .setParameter("forumId", issuable.forum().id)
                                .setParameter("revision", issuable.revision().revision)
                                .setParameter("deadlineDate", response.date())
                                .setParameter("deadlineZone", response.timeZone())
                                .setParameter("deadlineAt", response.endsAt().atOffset(ZoneOffset.UTC))
                                .setParameter("linkExpiresAt", linkExpiresAt.atOffset(ZoneOffset.UTC))
                                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                                .setParameter("batch", batch);
                        filterParams.forEach(insert::setParameter);
                        return insert.executeUpdate();
                    })
                    .chain(inserted -> inserted == 0
                            ? Uni.createFrom().item(List.<InvitationEntity>of())
                            : InvitationEntity.<InvitationEntity>list("issueBatch", batch))
                    .chain(issued -> issued.isEmpty()
                            ? Uni.createFrom().item(issued)
                            : InviteeEntity.<InviteeEntity>list("id in ?1",
                                    issued.stream().map(i -> i.inviteeId).toList())
                            .chain(invitees -> {
                                Map<UUID, Invitee> byId = invitees.stream().map(Entities::invitee)
                                        .collect(Collectors.toMap(Invitee::id, Function.identity()));
                                List<InvitationIssued> events = issued.stream()
                                        .map(i -> new InvitationIssued(UUID.randomUUID(), now, i.id, i.forumId,
                                                issuable.forum().code, letterId, issuable.letter().reference,
                                                contact(byId.get(i.inviteeId)), response, speaking,
                                                i.linkVersion, i.linkExpiresAt, actor))
                                        .toList();
                                return outbox.appendAll(events).replaceWith(issued);
                            }))
                    .map(issued -> new Issued(issued,
                            issued.isEmpty() ? List.of() : IssueWarning.forIssueAt(now, response)));
        });
    }

    /** What consumers need to address the invitee; the form of address travels as a plain honorific. */
    private static InviteeContact contact(Invitee invitee) {
        InviteeDetails d = invitee.details();
        return new InviteeContact(invitee.id(), d.memberState(), d.fullName(),
                d.formOfAddress().honorific(), d.rank(), d.title(), d.email(), d.cc(),
                d.preferredLanguage(), d.timeZone().getId());
    }
}
