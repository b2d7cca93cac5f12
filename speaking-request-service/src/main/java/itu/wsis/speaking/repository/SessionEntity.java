package itu.wsis.speaking.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import itu.wsis.events.SessionKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "hl_session")
public class SessionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "forum_id")
    public UUID forumId;

    @Column(name = "title_ar")
    public String titleAr;

    @Column(name = "title_en")
    public String titleEn;

    @Column(name = "title_es")
    public String titleEs;

    @Column(name = "title_fr")
    public String titleFr;

    @Column(name = "title_ru")
    public String titleRu;

    @Column(name = "title_zh")
    public String titleZh;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "capacity")
    public int capacity;

    /** Maintained by a database trigger from the seats; never written from here. */
    @Column(name = "allocated", insertable = false, updatable = false)
    public int allocated;

    @Column(name = "statement_minutes")
    public int statementMinutes;

    /** Comma-separated SpeakingModality names. */
    @Column(name = "modalities")
    public String modalities;

    /** The room at the venue, one line; null when not yet known. */
    @Column(name = "room")
    public String room;

    /** The https link that admits a remote live speaker to the session; null when there is none. */
    @Column(name = "remote_join_url")
    public String remoteJoinUrl;

    /** Fixed at creation: a high-level policy session or a ministerial round table. */
    @Column(name = "kind")
    @Enumerated(EnumType.STRING)
    public SessionKind kind = SessionKind.HIGH_LEVEL_POLICY_SESSION;

    @Column(name = "demo_key")
    public String demoKey;
}
