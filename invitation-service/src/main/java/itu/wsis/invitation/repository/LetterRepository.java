package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.LetterStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Circular letters and their revisions. Every method uses the caller's reactive session, one statement after the
 * other: callers chain them and never run two at once.
 */
@ApplicationScoped
public class LetterRepository {

    public Uni<CircularLetterEntity> findById(UUID letterId) {
        return CircularLetterEntity.findById(letterId);
    }

    public Uni<CircularLetterEntity> findByReference(UUID forumId, String reference) {
        return CircularLetterEntity.<CircularLetterEntity>find("forumId = ?1 and reference = ?2", forumId, reference)
                .firstResult();
    }

    public Uni<Long> countByReference(UUID forumId, String reference) {
        return CircularLetterEntity.count("forumId = ?1 and reference = ?2", forumId, reference);
    }

    /** A forum's letters, by reference. */
    public Uni<List<CircularLetterEntity>> listByForum(UUID forumId) {
        return CircularLetterEntity.list("forumId = ?1", Sort.by("reference"), forumId);
    }

    public Uni<CircularLetterEntity> persist(CircularLetterEntity letter) {
        return letter.persist();
    }

    public Uni<LetterRevisionEntity> persist(LetterRevisionEntity revision) {
        return revision.persist();
    }

    /** Writes the session's pending changes now (so that a unique constraint answers here, not at commit). */
    public Uni<Void> flush() {
        return Panache.flush();
    }

    public Uni<LetterRevisionEntity> revision(UUID letterId, int revision) {
        return LetterRevisionEntity.<LetterRevisionEntity>find("letterId = ?1 and revision = ?2", letterId, revision)
                .firstResult();
    }

    /** The highest revision, draft or published. */
    public Uni<LetterRevisionEntity> latestRevision(UUID letterId) {
        return LetterRevisionEntity.<LetterRevisionEntity>find("letterId", Sort.by("revision").descending(), letterId)
                .firstResult();
    }

    /** The highest published revision, or null while there is none. */
    public Uni<LetterRevisionEntity> latestPublishedRevision(UUID letterId) {
        return LetterRevisionEntity.<LetterRevisionEntity>find("letterId = ?1 and status = ?2",
                Sort.by("revision").descending(), letterId, LetterStatus.PUBLISHED).firstResult();
    }

    /** Every revision, oldest first. */
    public Uni<List<LetterRevisionEntity>> revisions(UUID letterId) {
        return LetterRevisionEntity.list("letterId", Sort.by("revision"), letterId);
    }
}
