package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.Deadline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A circular letter's revisions: only the latest may be a draft; a published revision is never changed, a correction
 * is the next revision, as a draft. Publishing returns the {@link CircularLetterPublished} to send.
 */
public final class LetterLifecycle {

    /** A draft revision's number and content, its deadlines resolved to the end of their day in the forum's zone. */
    public record Draft(int revision, LetterContent content, Deadline responseDeadline,
                        Deadline speakingRequestDeadline) {
    }

    /** The revision as published, and the event that says so. */
    public record Published(Letter letter, CircularLetterPublished event) {
    }

    private LetterLifecycle() {
    }

    /** A new letter starts as draft revision 1. */
    public static Draft first(LetterContent content, ZoneId forumZone) {
        return draft(1, content, forumZone);
    }

    /** Replaces the content of the draft; a published revision cannot change. */
    public static Draft updateDraft(Letter latest, LetterContent content, ZoneId forumZone) {
        latest.status().requireEditable();
        return draft(latest.revision(), content, forumZone);
    }

    /** The next revision of a published letter, as a draft; while the latest is a draft, that one is to be changed. */
    public static Draft revise(Letter latest, LetterContent content, ZoneId forumZone) {
        if (latest.status() == LetterStatus.DRAFT) {
            throw new LifecycleViolation("letter-draft-exists",
                    "Revision " + latest.revision() + " is still a draft: change it instead.");
        }
        return draft(latest.revision() + 1, content, forumZone);
    }

    /** Publishes the draft at {@code now}: it reads PUBLISHED from then on, and the event carries it whole. */
    public static Published publish(Letter latest, Instant now, Actor actor) {
        LetterStatus status = latest.status().publish();
        Letter published = new Letter(latest.id(), latest.forumId(), latest.reference(), latest.revision(), status,
                latest.content(), latest.responseDeadline(), latest.speakingRequestDeadline(), now,
                latest.revisions());
        LetterContent c = published.content();
        return new Published(published, new CircularLetterPublished(UUID.randomUUID(), now, published.id(),
                published.forumId(), published.reference(), published.revision(), c.letterDate(),
                c.signatoryName(), c.signatoryTitle(), c.contact(), c.originalLanguage(), c.texts(),
                c.addresseeClass(), published.responseDeadline(), published.speakingRequestDeadline(), actor));
    }

    private static Draft draft(int revision, LetterContent content, ZoneId forumZone) {
        return new Draft(revision, content, Deadline.byEndOf(content.responseDeadline(), forumZone),
                Deadline.byEndOf(content.speakingRequestDeadline(), forumZone));
    }
}
