package itu.wsis.speaking.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A circular letter's speaking-request deadline (read model of CircularLetterPublished). */
@Entity
@Table(name = "circular_letter")
public class LetterEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "forum_id")
    public UUID forumId;

    @Column(name = "revision")
    public int revision;

    @Column(name = "speaking_deadline_at")
    public Instant speakingDeadlineAt;
}
