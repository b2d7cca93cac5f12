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
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The invitee's read of the forum and letter. This service owns link versions and revocation, so it judges them
 * from its own rows: a revoked invitation or a superseded link answers 410, with the invitee's language so that
 * the page saying so can be in it.
 */
@ApplicationScoped
public class InviteeLetterService {

    private final Clock clock;

    public InviteeLetterService(Clock clock) {
        this.clock = clock;
    }

    /** The caller has checked the signature and that the link names the invitation of the address. */
    @WithSession
    public Uni<InviteeLetter> letterFor(LinkClaims link) {
        return InvitationEntity.<InvitationEntity>findById(link.invitationId()).chain(entity -> {
            if (entity == null) {
                throw notFound();
            }
            Invitation invitation = Entities.invitation(entity, clock.instant());
            String language = invitation.preferredLanguage().code();
            if (invitation.status() == InvitationStatus.REVOKED) {
                throw ProblemException.gone("invitation-revoked",
                        "This invitation has been withdrawn by the secretariat and can no longer be answered.")
                        .with("language", language);
            }
            try {
                PersonalLinks.requireCurrentVersion(link, invitation.linkVersion());
            } catch (ProblemException superseded) {
                throw superseded.status() == 410 ? superseded.with("language", language) : superseded;
            }
            return InviteeEntity.<InviteeEntity>findById(entity.inviteeId)
                    .invoke(invitee -> {
                        if (invitee != null && invitee.erasedAt != null) {
                            throw erased().with("language", language);
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

    /** The person asked for their data to be erased: the link leads nowhere any more, in every service. */
    public static ProblemException erased() {
        return ProblemException.gone("personal-data-erased",
                "The personal data of this invitation has been erased on request. Please contact the secretariat.");
    }

    /** The same answer for an unknown invitation and for someone else's: nothing is revealed. */
    public static ProblemException notFound() {
        return ProblemException.notFound("invitation-not-found", "There is no invitation at this address.");
    }
}
