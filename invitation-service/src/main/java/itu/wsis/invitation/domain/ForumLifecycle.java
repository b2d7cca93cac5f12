package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.ForumEditionPublished;

import java.time.Instant;
import java.util.UUID;

/**
 * Forum editions: a code names one edition only; every change is a new revision, published whole in a
 * {@link ForumEditionPublished} so that consumers never have to call back.
 */
public final class ForumLifecycle {

    /** The edition as it now reads, when it changed, and the event that says so. */
    public record Change(Forum forum, Instant changedAt, ForumEditionPublished event) {
    }

    private ForumLifecycle() {
    }

    /** A new edition, revision 1; {@code codeTaken} when another edition already has its code. */
    public static Change create(UUID id, ForumDetails details, boolean codeTaken, Instant now, Actor actor) {
        if (codeTaken) {
            throw new LifecycleViolation("duplicate-forum-code",
                    "A forum edition with code " + details.code() + " already exists.");
        }
        return published(new Forum(id, 1, details), now, actor);
    }

    /** The next revision; {@code codeTaken} when another edition already has the new code. */
    public static Change update(Forum current, ForumDetails details, boolean codeTaken, Instant now, Actor actor) {
        if (codeTaken) {
            throw new LifecycleViolation("duplicate-forum-code",
                    "Another forum edition already has code " + details.code() + ".");
        }
        return published(new Forum(current.id(), current.revision() + 1, details), now, actor);
    }

    private static Change published(Forum forum, Instant now, Actor actor) {
        ForumDetails d = forum.details();
        return new Change(forum, now, new ForumEditionPublished(UUID.randomUUID(), now, forum.id(), forum.revision(),
                d.code(), d.names(), d.themes(), d.virtualPhaseStart(), d.inPersonStart(), d.inPersonEnd(),
                d.venue(), d.format().name(), d.timeZone().getId(), d.forumSiteUrl(), d.speakingRequestUrl(),
                d.partnershipUrl(), actor));
    }
}
