package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Forum editions. Every method uses the caller's reactive session, one statement after the other. */
@ApplicationScoped
public class ForumRepository {

    public Uni<ForumEditionEntity> findById(UUID id) {
        return ForumEditionEntity.findById(id);
    }

    public Uni<ForumEditionEntity> findByCode(String code) {
        return ForumEditionEntity.<ForumEditionEntity>find("code", code).firstResult();
    }

    public Uni<Long> countByCode(String code) {
        return ForumEditionEntity.count("code", code);
    }

    /** Forum editions other than {@code id} with this code. */
    public Uni<Long> countOthersWithCode(String code, UUID id) {
        return ForumEditionEntity.count("code = ?1 and id <> ?2", code, id);
    }

    /** Newest edition first. */
    public Uni<List<ForumEditionEntity>> listAll() {
        return ForumEditionEntity.listAll(Sort.by("inPersonStart").descending());
    }

    public Uni<ForumEditionEntity> persist(ForumEditionEntity forum) {
        return forum.persist();
    }

    /** Writes the session's pending changes now (so that a unique constraint answers here, not at commit). */
    public Uni<Void> flush() {
        return Panache.flush();
    }
}
