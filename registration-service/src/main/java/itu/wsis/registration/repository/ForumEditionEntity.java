package itu.wsis.registration.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A forum edition's names and in-person dates as invitation-service last published them. */
@Entity
@Table(name = "forum_edition")
public class ForumEditionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "forum_id")
    public UUID forumId;

    @Column(name = "revision", nullable = false)
    public long revision;

    @Column(name = "code", nullable = false)
    public String code;

    /** JSON object of language code to name. */
    @Column(name = "names", nullable = false)
    public String names;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** The in-person week in Geneva, which a visa support letter states. */
    @Column(name = "in_person_start")
    public LocalDate inPersonStart;

    @Column(name = "in_person_end")
    public LocalDate inPersonEnd;
}
