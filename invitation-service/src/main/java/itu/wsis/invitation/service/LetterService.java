package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.Deadline;
import itu.wsis.invitation.domain.Letter;
import itu.wsis.invitation.domain.LetterContent;
import itu.wsis.invitation.domain.LetterStatus;
import itu.wsis.invitation.repository.CircularLetterEntity;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.ForumEditionEntity;
import itu.wsis.invitation.repository.LetterRevisionEntity;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Circular letters. A letter is a reference within a forum; its content lives in revisions. Only the latest
 * revision may be a draft; a published revision is never changed, a correction is the next revision.
 */
@ApplicationScoped
public class LetterService {

    /** The letter as invitations are issued from it: its latest published revision and its forum. */
    public record Issuable(CircularLetterEntity letter, LetterRevisionEntity revision, ForumEditionEntity forum) {
    }

    private final Outbox outbox;
    private final Clock clock;

    public LetterService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Letter> create(UUID forumId, String reference, LetterContent content) {
        return Problems.found(ForumEditionEntity.<ForumEditionEntity>findById(forumId), "forum", forumId)
                .chain(forum -> CircularLetterEntity.count("forumId = ?1 and reference = ?2", forumId, reference)
                        .chain(existing -> {
                            if (existing > 0) {
                                throw ProblemException.conflict("duplicate-letter-reference",
                                        "Forum " + forum.code + " already has a letter " + reference + ".");
                            }
                            CircularLetterEntity letter = new CircularLetterEntity();
                            letter.id = UUID.randomUUID();
                            letter.forumId = forumId;
                            letter.reference = reference;
                            letter.createdAt = clock.instant();
                            return letter.<CircularLetterEntity>persist()
                                    .chain(persisted -> Problems.flushUnique(persisted, "duplicate-letter-reference",
                                            "Forum " + forum.code + " already has a letter " + reference + "."));
                        })
                        .chain(letter -> newRevision(letter, 1, content, forum)))
                .chain(revision -> view(revision.letterId));
    }

    /** Replaces the content of the draft revision. */
    @WithTransaction
    public Uni<Letter> updateDraft(UUID letterId, LetterContent content) {
        return latest(letterId).chain(revision -> {
            Problems.lifecycle(() -> LetterStatus.valueOf(revision.status).requireEditable());
            return forumOf(letterId).chain(forum -> {
                write(content, revision, ZoneId.of(forum.timeZone));
                return Uni.createFrom().item(revision);
            });
        }).chain(revision -> view(letterId));
    }

    /** Starts the next revision of a published letter, as a draft. */
    @WithTransaction
    public Uni<Letter> revise(UUID letterId, LetterContent content) {
        return latest(letterId).chain(revision -> {
            if (LetterStatus.valueOf(revision.status) == LetterStatus.DRAFT) {
                throw ProblemException.conflict("letter-draft-exists",
                        "Revision " + revision.revision + " is still a draft: change it instead.");
            }
            return CircularLetterEntity.<CircularLetterEntity>findById(letterId)
                    .chain(letter -> forumOf(letterId)
                            .chain(forum -> newRevision(letter, revision.revision + 1, content, forum)));
        }).chain(revision -> view(letterId));
    }

    @WithTransaction
    public Uni<Letter> publish(UUID letterId, Actor actor) {
        return latest(letterId).chain(revision -> {
            revision.status = Problems.lifecycle(() -> LetterStatus.valueOf(revision.status).publish()).name();
            revision.publishedAt = clock.instant();
            return CircularLetterEntity.<CircularLetterEntity>findById(letterId)
                    .chain(letter -> forumOf(letterId).chain(forum -> {
                        Letter published = Entities.letter(letter, revision, forum.timeZone, List.of());
                        LetterContent c = published.content();
                        return outbox.append(new CircularLetterPublished(UUID.randomUUID(), clock.instant(),
                                letter.id, letter.forumId, letter.reference, revision.revision, c.letterDate(),
                                c.signatoryName(), c.signatoryTitle(), c.contact(), c.originalLanguage(), c.texts(),
                                c.addresseeClass(), published.responseDeadline(),
                                published.speakingRequestDeadline(), actor));
                    }));
        }).chain(() -> view(letterId));
    }

    @WithSession
    public Uni<Letter> get(UUID letterId) {
        return view(letterId);
    }

    @WithSession
    public Uni<Letter> getRevision(UUID letterId, int revision) {
        return Problems.found(CircularLetterEntity.<CircularLetterEntity>findById(letterId), "letter", letterId)
                .chain(letter -> LetterRevisionEntity.<LetterRevisionEntity>find(
                                "letterId = ?1 and revision = ?2", letterId, revision).firstResult()
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("letter-revision-not-found",
                                "Letter " + letterId + " has no revision " + revision + "."))
                        .chain(found -> forumOf(letterId)
                                .map(forum -> Entities.letter(letter, found, forum.timeZone, List.of()))));
    }

    @WithSession
    public Uni<List<Letter>> listByForum(UUID forumId) {
        return Problems.found(ForumEditionEntity.<ForumEditionEntity>findById(forumId), "forum", forumId)
                .chain(forum -> CircularLetterEntity.<CircularLetterEntity>list("forumId = ?1",
                                Sort.by("reference"), forumId)
                        .chain(letters -> collect(letters, 0, new ArrayList<>())));
    }

    @WithSession
    public Uni<Optional<UUID>> findId(UUID forumId, String reference) {
        return CircularLetterEntity.<CircularLetterEntity>find("forumId = ?1 and reference = ?2", forumId, reference)
                .firstResult().map(e -> Optional.ofNullable(e).map(l -> l.id));
    }

    /** Runs inside the caller's session: the latest published revision, or 409 while there is none. */
    Uni<Issuable> issuable(UUID letterId) {
        return Problems.found(CircularLetterEntity.<CircularLetterEntity>findById(letterId), "letter", letterId)
                .chain(letter -> LetterRevisionEntity.<LetterRevisionEntity>find("letterId = ?1 and status = ?2",
                                Sort.by("revision").descending(), letterId, LetterStatus.PUBLISHED.name())
                        .firstResult()
                        .onItem().ifNull().failWith(() -> ProblemException.conflict("letter-not-published",
                                "Invitations are issued only from a published letter; " + letter.reference
                                        + " is a draft."))
                        .chain(revision -> forumOf(letterId)
                                .map(forum -> new Issuable(letter, revision, forum))));
    }

    // Sequential on purpose: one reactive session runs one operation at a time.
    private Uni<List<Letter>> collect(List<CircularLetterEntity> letters, int index, List<Letter> into) {
        if (index == letters.size()) {
            return Uni.createFrom().item(into);
        }
        return view(letters.get(index).id).chain(letter -> {
            into.add(letter);
            return collect(letters, index + 1, into);
        });
    }

    private Uni<LetterRevisionEntity> newRevision(CircularLetterEntity letter, int number, LetterContent content,
                                                  ForumEditionEntity forum) {
        LetterRevisionEntity revision = new LetterRevisionEntity();
        revision.id = UUID.randomUUID();
        revision.letterId = letter.id;
        revision.revision = number;
        revision.status = LetterStatus.DRAFT.name();
        revision.createdAt = clock.instant();
        write(content, revision, ZoneId.of(forum.timeZone));
        return revision.persist();
    }

    private static void write(LetterContent content, LetterRevisionEntity revision, ZoneId zone) {
        Deadline response = Deadline.byEndOf(content.responseDeadline(), zone);
        Deadline speaking = Deadline.byEndOf(content.speakingRequestDeadline(), zone);
        Entities.write(content, response, speaking, revision);
    }

    private Uni<LetterRevisionEntity> latest(UUID letterId) {
        return Problems.found(CircularLetterEntity.<CircularLetterEntity>findById(letterId), "letter", letterId)
                .chain(letter -> LetterRevisionEntity.<LetterRevisionEntity>find("letterId", Sort.by("revision")
                        .descending(), letterId).firstResult());
    }

    private Uni<ForumEditionEntity> forumOf(UUID letterId) {
        return CircularLetterEntity.<CircularLetterEntity>findById(letterId)
                .chain(letter -> ForumEditionEntity.<ForumEditionEntity>findById(letter.forumId));
    }

    private Uni<Letter> view(UUID letterId) {
        return Problems.found(CircularLetterEntity.<CircularLetterEntity>findById(letterId), "letter", letterId)
                .chain(letter -> LetterRevisionEntity.<LetterRevisionEntity>list("letterId", Sort.by("revision"),
                                letterId)
                        .chain(revisions -> ForumEditionEntity.<ForumEditionEntity>findById(letter.forumId)
                                .map(forum -> {
                                    List<Letter.RevisionSummary> summaries = revisions.stream()
                                            .map(r -> new Letter.RevisionSummary(r.revision,
                                                    LetterStatus.valueOf(r.status), r.publishedAt))
                                            .toList();
                                    return Entities.letter(letter, revisions.get(revisions.size() - 1),
                                            forum.timeZone, summaries);
                                })));
    }
}
