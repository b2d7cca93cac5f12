package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.invitation.config.InvitationConfig;
import itu.wsis.invitation.domain.BulkIssueResult;
import itu.wsis.invitation.domain.Invitation;
import itu.wsis.invitation.domain.InvitationIssuing;
import itu.wsis.invitation.domain.InvitationLifecycle;
import itu.wsis.invitation.domain.InvitationQuery;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.domain.Invitee;
import itu.wsis.invitation.domain.IssueResult;
import itu.wsis.invitation.domain.IssueWarning;
import itu.wsis.invitation.domain.PageOf;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.InvitationEntity;
import itu.wsis.invitation.repository.InvitationRepository;
import itu.wsis.invitation.repository.InviteeRepository;
import itu.wsis.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issuing and managing invitations. Issuing is idempotent per (letter, invitee): the unique constraint decides,
 * through {@code insert … on conflict do nothing} ({@link InvitationRepository#insertMissing}), so two racing
 * requests create each invitation once, and each publishes InvitationIssued only for the rows it inserted itself.
 * The rules and the events are the domain's ({@link InvitationLifecycle}, {@link InvitationIssuing}).
 */
@ApplicationScoped
public class InvitationService {

    private final LetterService letters;
    private final IdempotencyKeys idempotency;
    private final InvitationRepository invitations;
    private final InviteeRepository invitees;
    private final Outbox outbox;
    private final Clock clock;
    private final InvitationConfig config;

    public InvitationService(LetterService letters, IdempotencyKeys idempotency, InvitationRepository invitations,
                             InviteeRepository invitees, Outbox outbox, Clock clock, InvitationConfig config) {
        this.letters = letters;
        this.idempotency = idempotency;
        this.invitations = invitations;
        this.invitees = invitees;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<IssueResult>> issueOne(UUID letterId, UUID inviteeId, String idempotencyKey,
            Actor actor) {
        return idempotency.once("issue-one", idempotencyKey, letterId + "/" + inviteeId, IssueResult.class,
                () -> Problems.found(invitees.findById(inviteeId), "invitee", inviteeId)
                        .invoke(invitee -> InvitationLifecycle.requireNotErased(invitee.erasedAt != null))
                        .chain(invitee -> issue(letterId, inviteeId, actor))
                        .chain(issued -> issued.invitations().isEmpty()
                                ? invitations.find(letterId, inviteeId)
                                .map(existing -> new IssueResult(existing.id, false, List.of()))
                                : Uni.createFrom().item(new IssueResult(issued.invitations().get(0).invitationId(),
                                        true, issued.warnings()))));
    }

    /** Issues the letter to every invitee in the registry who does not have it yet. */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<BulkIssueResult>> issueToAll(UUID letterId, String idempotencyKey,
            Actor actor) {
        return idempotency.once("issue-bulk", idempotencyKey, letterId.toString(), BulkIssueResult.class,
                () -> issue(letterId, null, actor)
                        .chain(issued -> invitations.countByLetter(letterId)
                                .map(total -> new BulkIssueResult(letterId, issued.revision(), total.intValue(),
                                        issued.invitations().size(), total.intValue() - issued.invitations().size(),
                                        issued.warnings()))));
    }

    @WithTransaction
    public Uni<Invitation> revoke(UUID id, String reason, Actor actor) {
        return find(id).chain(invitation -> {
            Instant now = clock.instant();
            return store(invitation, InvitationLifecycle.revoke(Entities.state(invitation), reason, now, actor), now);
        });
    }

    @WithTransaction
    public Uni<Invitation> extendDeadline(UUID id, LocalDate newDate, Actor actor) {
        return find(id).chain(invitation -> {
            Instant now = clock.instant();
            return store(invitation, InvitationLifecycle.extendDeadline(Entities.state(invitation), newDate, now,
                    actor), now);
        });
    }

    /** A new link version: verifiers refuse every link of an older version from the event on. */
    @WithTransaction
    public Uni<Invitation> reissueLink(UUID id, Actor actor) {
        return find(id).chain(invitation -> invitees.findById(invitation.inviteeId).chain(invitee -> {
            Instant now = clock.instant();
            return store(invitation, InvitationLifecycle.reissueLink(Entities.state(invitation),
                    invitee != null && invitee.erasedAt != null, now, actor), now);
        }));
    }

    @WithSession
    public Uni<Invitation> get(UUID id) {
        return find(id).map(e -> Entities.invitation(e, clock.instant()));
    }

    @WithSession
    public Uni<PageOf<Invitation>> list(InvitationQuery q) {
        Instant now = clock.instant();
        return invitations.page(q, now).map(page -> page.map(e -> Entities.invitation(e, now)));
    }

    /** Counts by effective status, EXPIRED included, with every status present (zero when none). */
    @WithSession
    public Uni<Map<InvitationStatus, Long>> counts(UUID letterId) {
        return invitations.countsByStatus(letterId, clock.instant());
    }

    private Uni<InvitationEntity> find(UUID id) {
        return Problems.found(invitations.findById(id), "invitation", id);
    }

    /** The lifecycle's change on the entity (written at commit), its event in the outbox, the invitation as it reads. */
    private Uni<Invitation> store(InvitationEntity invitation, InvitationLifecycle.Change change, Instant now) {
        Entities.write(change.state(), invitation);
        return outbox.append(change.event()).replaceWith(() -> Entities.invitation(invitation, now));
    }

    /**
     * The letter revision issued from, the invitations one call inserted, and what the secretariat should know about
     * them.
     */
    private record Issued(int revision, List<InvitationIssuing.Issued> invitations, List<IssueWarning> warnings) {
    }

    /**
     * Inserts the missing invitations of a letter for one invitee (every invitee when {@code inviteeId} is null),
     * then writes InvitationIssued for exactly the rows this call inserted, in one outbox batch.
     */
    private Uni<Issued> issue(UUID letterId, UUID inviteeId, Actor actor) {
        UUID batch = UUID.randomUUID();
        Instant now = clock.instant();
        return letters.issuable(letterId).chain(issuable -> {
            InvitationIssuing.Source source = issuable.source();
            InvitationIssuing.Terms terms = InvitationIssuing.terms(source, config.linkGrace());
            var rows = new InvitationRepository.NewInvitations(letterId, source.forumId(), source.revision(),
                    terms.responseDeadline().date(), terms.responseDeadline().timeZone(),
                    terms.responseDeadline().endsAt(), terms.linkExpiresAt(), now, batch);
            return invitations.insertMissing(rows, inviteeId)
                    .chain(inserted -> inserted == 0
                            ? Uni.createFrom().item(List.<InvitationEntity>of())
                            : invitations.listByBatch(batch))
                    .map(entities -> entities.stream().map(Entities::issued).toList())
                    .chain(issued -> issued.isEmpty()
                            ? Uni.createFrom().item(issued)
                            : invitees.listByIds(issued.stream().map(InvitationIssuing.Issued::inviteeId).toList())
                            .chain(found -> {
                                Map<UUID, Invitee> byId = found.stream().map(Entities::invitee)
                                        .collect(Collectors.toMap(Invitee::id, Function.identity()));
                                return outbox.appendAll(InvitationIssuing.events(source, terms, issued, byId, now,
                                        actor)).replaceWith(issued);
                            }))
                    .map(issued -> new Issued(source.revision(), issued, InvitationIssuing.warnings(issued, terms, now)));
        });
    }
}
