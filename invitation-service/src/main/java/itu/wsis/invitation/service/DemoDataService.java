package itu.wsis.invitation.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.invitation.domain.ForumDetails;
import itu.wsis.invitation.domain.InviteeDetails;
import itu.wsis.invitation.domain.LetterContent;
import itu.wsis.invitation.domain.LetterStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Loads the WSIS Forum 2022 demo through the same services as the API. Every step looks first for what an earlier
 * run left, so a second run writes nothing and publishes nothing: the forum and the letter are found by their
 * codes, identical invitees are left untouched, and issuing skips invitees who already have the letter.
 */
@ApplicationScoped
public class DemoDataService {

    public record Summary(UUID forumId, UUID letterId, boolean forumCreated, boolean letterCreated,
                          boolean letterPublished, int inviteesWritten, int invitationsIssued,
                          int invitationsTotal) {
    }

    private final ForumService forums;
    private final LetterService letters;
    private final InviteeService invitees;
    private final InvitationService invitations;

    public DemoDataService(ForumService forums, LetterService letters, InviteeService invitees,
                           InvitationService invitations) {
        this.forums = forums;
        this.letters = letters;
        this.invitees = invitees;
        this.invitations = invitations;
    }

    public Uni<Summary> load(ForumDetails forum, String reference, LetterContent letter, List<InviteeDetails> people,
            Actor actor) {
        return forums.findByCode(forum.code())
                .chain(found -> found.isPresent()
                        ? Uni.createFrom().item(new Step(found.get().id(), false))
                        : forums.create(forum, actor).map(created -> new Step(created.id(), true)))
                .chain(forumStep -> letters.findId(forumStep.id(), reference)
                        .chain(found -> found.isPresent()
                                ? Uni.createFrom().item(new Step(found.get(), false))
                                : letters.create(forumStep.id(), reference, letter)
                                .map(created -> new Step(created.id(), true)))
                        .chain(letterStep -> letters.get(letterStep.id())
                                .chain(current -> current.status() == LetterStatus.DRAFT
                                        ? letters.publish(letterStep.id(), actor).replaceWith(true)
                                        : Uni.createFrom().item(false))
                                .chain(published -> invitees.importAll(people)
                                        .chain(imported -> invitations.issueToAll(letterStep.id(), null, actor)
                                                .map(issued -> new Summary(forumStep.id(), letterStep.id(),
                                                        forumStep.created(), letterStep.created(), published,
                                                        imported.written(), issued.result().issued(),
                                                        issued.result().addressees()))))));
    }

    private record Step(UUID id, boolean created) {
    }
}
