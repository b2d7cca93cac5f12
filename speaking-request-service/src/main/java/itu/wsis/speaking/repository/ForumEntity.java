package itu.wsis.speaking.repository;

import itu.wsis.speaking.domain.LatePolicy;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A forum edition (read model of ForumEditionPublished) plus this service's per-forum allocation settings. */
@Entity
@Table(name = "forum")
public class ForumEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "code")
    public String code;

    @Column(name = "revision")
    public long revision;

    @Column(name = "time_zone")
    public String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(name = "late_policy")
    public LatePolicy latePolicy;

    @Column(name = "frozen")
    public boolean frozen;

    @Column(name = "published_revision")
    public int publishedRevision;

    @Column(name = "published_at")
    public Instant publishedAt;
}
