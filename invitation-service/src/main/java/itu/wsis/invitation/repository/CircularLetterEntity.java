package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "circular_letter")
public class CircularLetterEntity extends PanacheEntityBase {
    @Id
    @Column(name = "id")
    public UUID id;
    @Column(name = "forum_id")
    public UUID forumId;
    @Column(name = "reference")
    public String reference;
    @Column(name = "created_at")
    public Instant createdAt;
}
