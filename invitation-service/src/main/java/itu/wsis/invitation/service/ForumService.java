package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.invitation.domain.Forum;
import itu.wsis.invitation.domain.ForumDetails;
import itu.wsis.invitation.domain.ForumLifecycle;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.ForumEditionEntity;
import itu.wsis.invitation.repository.ForumRepository;
import itu.wsis.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Forum editions. Every change is published whole, so that consumers never have to call back
 * ({@link ForumLifecycle}).
 */
@ApplicationScoped
public class ForumService {

    private final ForumRepository forums;
    private final Outbox outbox;
    private final Clock clock;

    public ForumService(ForumRepository forums, Outbox outbox, Clock clock) {
        this.forums = forums;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Forum> create(ForumDetails details, Actor actor) {
        return forums.countByCode(details.code())
                .chain(existing -> {
                    Instant now = clock.instant();
                    ForumLifecycle.Change created = ForumLifecycle.create(UUID.randomUUID(), details, existing > 0,
                            now, actor);
                    ForumEditionEntity entity = new ForumEditionEntity();
                    entity.id = created.forum().id();
                    entity.createdAt = now;
                    write(created, entity);
                    return forums.persist(entity)
                            .chain(persisted -> Problems.unique(forums.flush(), created, "duplicate-forum-code",
                                    "A forum edition with code " + details.code() + " already exists."));
                })
                .chain(this::publish);
    }

    @WithTransaction
    public Uni<Forum> update(UUID id, ForumDetails details, Actor actor) {
        return Problems.found(forums.findById(id), "forum", id)
                .chain(entity -> forums.countOthersWithCode(details.code(), id)
                        .chain(clash -> {
                            ForumLifecycle.Change updated = ForumLifecycle.update(Entities.forum(entity), details,
                                    clash > 0, clock.instant(), actor);
                            write(updated, entity);
                            return publish(updated);
                        }));
    }

    @WithSession
    public Uni<Forum> get(UUID id) {
        return Problems.found(forums.findById(id), "forum", id).map(Entities::forum);
    }

    @WithSession
    public Uni<Optional<Forum>> findByCode(String code) {
        return forums.findByCode(code).map(e -> Optional.ofNullable(e).map(Entities::forum));
    }

    @WithSession
    public Uni<List<Forum>> list() {
        return forums.listAll().map(all -> all.stream().map(Entities::forum).toList());
    }

    private static void write(ForumLifecycle.Change change, ForumEditionEntity entity) {
        Entities.write(change.forum().details(), entity);
        entity.revision = change.forum().revision();
        entity.updatedAt = change.changedAt();
    }

    private Uni<Forum> publish(ForumLifecycle.Change change) {
        return outbox.append(change.event()).replaceWith(change.forum());
    }
}
