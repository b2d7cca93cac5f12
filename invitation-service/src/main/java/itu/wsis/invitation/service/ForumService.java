package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.invitation.domain.Forum;
import itu.wsis.invitation.domain.ForumDetails;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.ForumEditionEntity;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Forum editions. Every change is published whole, so that consumers never have to call back. */
@ApplicationScoped
public class ForumService {

    private final Outbox outbox;
    private final Clock clock;

    public ForumService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Forum> create(ForumDetails details, Actor actor) {
        return ForumEditionEntity.count("code", details.code())
                .chain(existing -> {
                    if (existing > 0) {
                        throw ProblemException.conflict("duplicate-forum-code",
                                "A forum edition with code " + details.code() + " already exists.");
                    }
                    ForumEditionEntity entity = new ForumEditionEntity();
                    entity.id = UUID.randomUUID();
                    entity.revision = 1;
                    entity.createdAt = clock.instant();
                    entity.updatedAt = entity.createdAt;
                    Entities.write(details, entity);
                    return entity.<ForumEditionEntity>persist()
                            .chain(persisted -> Problems.flushUnique(persisted, "duplicate-forum-code",
                                    "A forum edition with code " + details.code() + " already exists."));
                })
                .chain(entity -> published(entity, actor));
    }

    @WithTransaction
    public Uni<Forum> update(UUID id, ForumDetails details, Actor actor) {
        return Problems.found(ForumEditionEntity.<ForumEditionEntity>findById(id), "forum", id)
                .chain(entity -> ForumEditionEntity.count("code = ?1 and id <> ?2", details.code(), id)
                        .chain(clash -> {
                            if (clash > 0) {
                                throw ProblemException.conflict("duplicate-forum-code",
                                        "Another forum edition already has code " + details.code() + ".");
                            }
                            Entities.write(details, entity);
                            entity.revision++;
                            entity.updatedAt = clock.instant();
                            return published(entity, actor);
                        }));
    }

    @WithSession
    public Uni<Forum> get(UUID id) {
        return Problems.found(ForumEditionEntity.<ForumEditionEntity>findById(id), "forum", id).map(Entities::forum);
    }

    @WithSession
    public Uni<Optional<Forum>> findByCode(String code) {
        return ForumEditionEntity.<ForumEditionEntity>find("code", code).firstResult()
                .map(e -> Optional.ofNullable(e).map(Entities::forum));
    }

    @WithSession
    public Uni<List<Forum>> list() {
        return ForumEditionEntity.<ForumEditionEntity>listAll(Sort.by("inPersonStart").descending())
                .map(all -> all.stream().map(Entities::forum).toList());
    }

    private Uni<Forum> published(ForumEditionEntity entity, Actor actor) {
        Forum forum = Entities.forum(entity);
        ForumDetails d = forum.details();
        return outbox.append(new ForumEditionPublished(UUID.randomUUID(), clock.instant(), forum.id(),
                        forum.revision(), d.code(), d.names(), d.themes(), d.virtualPhaseStart(), d.inPersonStart(),
                        d.inPersonEnd(), d.venue(), d.format().name(), d.timeZone().getId(), d.forumSiteUrl(),
                        d.speakingRequestUrl(), d.partnershipUrl(), actor))
                .replaceWith(forum);
    }
}
