package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.Invitation;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.domain.InviteeLetter;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.ForumRepository;
import itu.wsis.invitation.repository.InvitationRepository;
import itu.wsis.invitation.repository.InviteeRepository;
import itu.wsis.invitation.repository.LetterRepository;
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

    private final InvitationRepository invitations;
    private final InviteeRepository invitees;
    private final LetterRepository letters;
    private final ForumRepository forums;
    private final Clock clock;

    public InviteeLetterService(InvitationRepository invitations, InviteeRepository invitees,
                                LetterRepository letters, ForumRepository forums, Clock clock) {
        this.invitations = invitations;
        this.invitees = invitees;
        this.letters = letters;
        this.forums = forums;
        this.clock = clock;
    }

    /**
     * The link was admitted before the endpoint ran (service-support's PersonalLinkAdmission); this read judges the
     * row it loads again by the same rule, so that a revocation committed in between is not missed.
     */
    @WithSession
    public Uni<InviteeLetter> letterFor(LinkClaims link) {
        return invitations.findById(link.invitationId()).chain(entity -> {
            LinkRefusals.require(link, entity == null ? null : new LinkState(entity.linkVersion,
                    entity.status == InvitationStatus.REVOKED, entity.linkExpiresAt,
                    entity.preferredLanguage), clock.instant());
            Invitation invitation = Entities.invitation(entity, clock.instant());
            return invitees.findById(entity.inviteeId)
                    .invoke(invitee -> {
                        if (invitee != null && invitee.erasedAt != null) {
                            throw LinkRefusals.erased(entity.preferredLanguage);
                        }
                    })
                    .chain(invitee -> letters.findById(entity.letterId)
                            .chain(letter -> letters.revision(entity.letterId, entity.letterRevision)
                                    .chain(revision -> forums.findById(entity.forumId)
                                            .map(forum -> new InviteeLetter(invitation,
                                                    invitee == null ? null : ZoneId.of(invitee.timeZone),
                                                    Entities.forum(forum),
                                                    Entities.letter(letter, revision, forum.timeZone, List.of()))))));
        });
    }
}
