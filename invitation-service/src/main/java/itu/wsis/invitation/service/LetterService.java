package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.invitation.domain.InvitationIssuing;
import itu.wsis.invitation.domain.Letter;
import itu.wsis.invitation.domain.LetterContent;
import itu.wsis.invitation.domain.LetterLifecycle;
import itu.wsis.invitation.domain.LetterStatus;
import itu.wsis.invitation.repository.CircularLetterEntity;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.ForumEditionEntity;
import itu.wsis.invitation.repository.ForumRepository;
import itu.wsis.invitation.repository.LetterRepository;
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
 * revision may be a draft; a published revision is never changed, a correction is the next revision
 * ({@link LetterLifecycle}).
 */
@ApplicationScoped
public class LetterService {

    /** The letter as invitations are issued from it: its latest published revision and its forum. */
    public record Issuable(CircularLetterEntity letter, LetterRevisionEntity revision, ForumEditionEntity forum) {

        public InvitationIssuing.Source source() {
            return new InvitationIssuing.Source(forum.id, forum.code, forum.inPersonEnd, ZoneId.of(forum.timeZone),
                    letter.id, letter.reference, revision.revision, revision.responseDeadlineDate,
                    revision.responseDeadlineAt, revision.speakingDeadlineDate, revision.speakingDeadlineAt);
        }
    }

    private final LetterRepository letters;
    private final ForumRepository forums;
    private final Outbox outbox;
    private final Clock clock;

    public LetterService(LetterRepository letters, ForumRepository forums, Outbox outbox, Clock clock) {
        this.letters = letters;
        this.forums = forums;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Letter> create(UUID forumId, String reference, LetterContent content) {
        return Problems.found(forums.findById(forumId), "forum", forumId)
                .chain(forum -> letters.countByReference(forumId, reference)
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
                            return letters.persist(letter)
                                    .chain(persisted -> Problems.unique(letters.flush(), persisted,
                                            "duplicate-letter-reference",
                                            "Forum " + forum.code + " already has a letter " + reference + "."));
                        })
                        .chain(letter -> newRevision(letter,
                                LetterLifecycle.first(content, ZoneId.of(forum.timeZone)))))
                .chain(revision -> view(revision.letterId));
    }

    /** Replaces the content of the draft revision. */
    @WithTransaction
    public Uni<Letter> updateDraft(UUID letterId, LetterContent content) {
        return latest(letterId).chain(latest -> {
            Entities.write(LetterLifecycle.updateDraft(latest.letter(), content, latest.zone()), latest.revision());
            return view(letterId);
        });
    }

    /** Starts the next revision of a published letter, as a draft. */
    @WithTransaction
    public Uni<Letter> revise(UUID letterId, LetterContent content) {
        return latest(letterId)
                .chain(latest -> newRevision(latest.circular(),
                        LetterLifecycle.revise(latest.letter(), content, latest.zone())))
                .chain(revision -> view(letterId));
    }

    @WithTransaction
    public Uni<Letter> publish(UUID letterId, Actor actor) {
        return latest(letterId).chain(latest -> {
            LetterLifecycle.Published published = LetterLifecycle.publish(latest.letter(), clock.instant(), actor);
            latest.revision().status = published.letter().status();
            latest.revision().publishedAt = published.letter().publishedAt();
            return outbox.append(published.event());
        }).chain(() -> view(letterId));
    }

    @WithSession
    public Uni<Letter> get(UUID letterId) {
        return view(letterId);
    }

    @WithSession
    public Uni<Letter> getRevision(UUID letterId, int revision) {
        return Problems.found(letters.findById(letterId), "letter", letterId)
                .chain(letter -> letters.revision(letterId, revision)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("letter-revision-not-found",
                                "Letter " + letterId + " has no revision " + revision + "."))
                        .chain(found -> forumOf(letterId)
                                .map(forum -> Entities.letter(letter, found, forum.timeZone, List.of()))));
    }

    @WithSession
    public Uni<List<Letter>> listByForum(UUID forumId) {
        return Problems.found(forums.findById(forumId), "forum", forumId)
                .chain(forum -> letters.listByForum(forumId)
                        .chain(found -> collect(found, 0, new ArrayList<>())));
    }

    @WithSession
    public Uni<Optional<UUID>> findId(UUID forumId, String reference) {
        return letters.findByReference(forumId, reference).map(e -> Optional.ofNullable(e).map(l -> l.id));
    }

    /** Runs inside the caller's session: the latest published revision, or 409 while there is none. */
    Uni<Issuable> issuable(UUID letterId) {
        return Problems.found(letters.findById(letterId), "letter", letterId)
                .chain(letter -> letters.latestPublishedRevision(letterId)
                        .onItem().ifNull().failWith(() -> ProblemException.conflict("letter-not-published",
                                "Invitations are issued only from a published letter; " + letter.reference
                                        + " is a draft."))
                        .chain(revision -> forumOf(letterId)
                                .map(forum -> new Issuable(letter, revision, forum))));
    }

    // Sequential on purpose: one reactive session runs one operation at a time.
    private Uni<List<Letter>> collect(List<CircularLetterEntity> found, int index, List<Letter> into) {
        if (index == found.size()) {
            return Uni.createFrom().item(into);
        }
        return view(found.get(index).id).chain(letter -> {
            into.add(letter);
            return collect(found, index + 1, into);
        });
    }

    private Uni<LetterRevisionEntity> newRevision(CircularLetterEntity letter, LetterLifecycle.Draft draft) {
        LetterRevisionEntity revision = new LetterRevisionEntity();
        revision.id = UUID.randomUUID();
        revision.letterId = letter.id;
        revision.status = LetterStatus.DRAFT;
        revision.createdAt = clock.instant();
        Entities.write(draft, revision);
        return letters.persist(revision);
    }

    /** A letter's latest revision, draft or published, with its forum. */
    private record Latest(CircularLetterEntity circular, LetterRevisionEntity revision, ForumEditionEntity forum) {

        Letter letter() {
            return Entities.letter(circular, revision, forum.timeZone, List.of());
        }

        ZoneId zone() {
            return ZoneId.of(forum.timeZone);
        }
    }

    private Uni<Latest> latest(UUID letterId) {
        return Problems.found(letters.findById(letterId), "letter", letterId)
                .chain(letter -> letters.latestRevision(letterId)
                        .chain(revision -> forums.findById(letter.forumId)
                                .map(forum -> new Latest(letter, revision, forum))));
    }

    private Uni<ForumEditionEntity> forumOf(UUID letterId) {
        return letters.findById(letterId).chain(letter -> forums.findById(letter.forumId));
    }

    private Uni<Letter> view(UUID letterId) {
        return Problems.found(letters.findById(letterId), "letter", letterId)
                .chain(letter -> letters.revisions(letterId)
                        .chain(revisions -> forums.findById(letter.forumId)
                                .map(forum -> {
                                    List<Letter.RevisionSummary> summaries = revisions.stream()
                                            .map(r -> new Letter.RevisionSummary(r.revision, r.status,
                                                    r.publishedAt))
                                            .toList();
                                    return Entities.letter(letter, revisions.get(revisions.size() - 1),
                                            forum.timeZone, summaries);
                                })));
    }
}
