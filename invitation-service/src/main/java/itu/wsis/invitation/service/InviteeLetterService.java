package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.Invitation;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.domain.InviteeLetter;
import itu.wsis.invitation.repository.CircularLetterEntity;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.ForumEditionEntity;
import itu.wsis.invitation.repository.InvitationEntity;
import itu.wsis.invitation.repository.InviteeEntity;
import itu.wsis.invitation.repository.LetterRevisionEntity;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.LinkRefusals;
import itu.wsis.support.links.LinkState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The invitee's read of the forum and letter. This service owns link versions and revocation; the shared admission
 * policy judges them from its rows (InvitationLinkStates), and answers a revoked invitation or a superseded link
 * with 410 and the invitee's language, so that the page saying so can be in it.
 */
@ApplicationScoped
public class InviteeLetterService {

    private final Clock clock;

    public InviteeLetterService(Clock clock) {
        this.clock = clock;
    }

    /**
     * The link was admitted before the endpoint ran (service-support's PersonalLinkAdmission); this read judges the
     * row it loads again by the same rule, so that a revocation committed in between is not missed.
     */
    @WithSession
    public Uni<InviteeLetter> letterFor(LinkClaims link) {
        return InvitationEntity.<InvitationEntity>findById(link.invitationId()).chain(entity -> {
            LinkRefusals.require(link, entity == null ? null : new LinkState(entity.linkVersion,
                    InvitationStatus.REVOKED.name().equals(entity.status), entity.linkExpiresAt,
                    entity.preferredLanguage), clock.instant());
            Invitation invitation = Entities.invitation(entity, clock.instant());
            return InviteeEntity.<InviteeEntity>findById(entity.inviteeId)
                    .invoke(invitee -> {
                        if (invitee != null && invitee.erasedAt != null) {
                            throw LinkRefusals.erased(entity.preferredLanguage);
                        }
                    })
                    .chain(invitee -> CircularLetterEntity.<CircularLetterEntity>findById(entity.letterId)
                            .chain(letter -> LetterRevisionEntity.<LetterRevisionEntity>find(
                                            "letterId = ?1 and revision = ?2", entity.letterId, entity.letterRevision)
                                    .firstResult()
                                    .chain(revision -> ForumEditionEntity.<ForumEditionEntity>findById(entity.forumId)
                                            .map(forum -> new InviteeLetter(invitation,
                                                    invitee == null ? null : ZoneId.of(invitee.timeZone),
                                                    Entities.forum(forum),
                                                    Entities.letter(letter, revision, forum.timeZone, List.of()))))));
        });
    }
}
