package itu.wsis.speaking.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.domain.SpeakingRequest;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.events.SessionKind;
import itu.wsis.speaking.repository.InvitationEntity;
import itu.wsis.speaking.repository.SessionEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.LinkRefusals;
import itu.wsis.support.links.LinkState;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * How the speaking-request services find what they act on: the invitation behind a personal link, and a request
 * under its forum's lock. Runs in the caller's session and transaction.
 */
@ApplicationScoped
class SpeakingRequestAccess {

    private final AllocationEngine engine;
    private final AllocationRepository allocations;
    private final Clock clock;

    SpeakingRequestAccess(AllocationEngine engine, AllocationRepository allocations, Clock clock) {
        this.engine = engine;
        this.allocations = allocations;
        this.clock = clock;
    }

    /**
     * The link was admitted before the endpoint ran (service-support's PersonalLinkAdmission, which also answers 404
     * for another invitation's address); the row this transaction reads is judged again by the same rule, so that a
     * revocation or a re-issue consumed in between is not missed. The expiry in the claims is the effective one.
     */
    Uni<InvitationEntity> linkedInvitation(LinkClaims link, UUID invitationId) {
        if (!link.invitationId().equals(invitationId)) {
            return Uni.createFrom().failure(LinkRefusals.notFound());
        }
        return InvitationEntity.<InvitationEntity>findById(invitationId).map(inv -> {
            LinkRefusals.require(link, inv == null || !inv.issued ? null
                    : new LinkState(inv.linkVersion, inv.revoked, null, inv.preferredLanguage, inv.erasedAt != null),
                    clock.instant());
            return inv;
        });
    }

    Uni<SpeakingRequestEntity> request(UUID requestId) {
        return SpeakingRequestEntity.<SpeakingRequestEntity>findById(requestId)
                .onItem().ifNull().failWith(() -> notFound(requestId));
    }

    /**
     * Takes the forum's lock before the request is first loaded, so that the request is read as the previous
     * holder of the lock committed it. A closed request is refused ({@link SpeakingRequest#requireActive}).
     */
    Uni<SpeakingRequestEntity> lockedActiveRequest(UUID requestId) {
        return allocations.forumOfRequest(requestId)
                .onItem().ifNull().failWith(() -> notFound(requestId))
                .chain(engine::lock)
                .chain(() -> request(requestId))
                .invoke(r -> Mapping.request(r).requireActive());
    }

    /**
     * The delegation's active request under its forum's lock, for a seat at {@code roundTableId} or (null) for
     * speaking time; 404 when it has none.
     */
    Uni<SpeakingRequestEntity> lockedActiveRequestOf(InvitationEntity inv, UUID roundTableId) {
        if (inv.forumId == null) {
            return Uni.createFrom().failure(noRequestFor(inv.id));
        }
        return engine.lock(inv.forumId).chain(() -> allocations.activeRequestOf(inv.id, roundTableId))
                .onItem().ifNull().failWith(() -> noRequestFor(inv.id));
    }

    /**
     * Which of the delegation's requests {@code sessionId} points at: null (no session given, or a high-level policy
     * session) for the request for speaking time, else the round table whose seat is asked for. A session of another
     * forum, or none, is a 400 on {@code sessionId}.
     */
    Uni<UUID> roundTableOf(InvitationEntity inv, UUID sessionId) {
        if (sessionId == null) {
            return Uni.createFrom().nullItem();
        }
        return SessionEntity.<SessionEntity>findById(sessionId).map(s -> {
            if (s == null || !s.forumId.equals(inv.forumId)) {
                throw ProblemException.badRequest("sessionId", "no session " + sessionId + " in this forum");
            }
            return s.kind == SessionKind.MINISTERIAL_ROUND_TABLE ? s.id : null;
        });
    }

    static ProblemException noRequestFor(UUID invitationId) {
        return ProblemException.notFound("speaking-request-not-found",
                "No speaking request for invitation " + invitationId + ".");
    }

    private static ProblemException notFound(UUID requestId) {
        return ProblemException.notFound("speaking-request-not-found", "No speaking request " + requestId + ".");
    }
}
