package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "forum_edition")
public class ForumEditionEntity extends PanacheEntityBase {
    @Id
    @Column(name = "id")
    public UUID id;
    @Column(name = "code")
    public String code;
    @Column(name = "revision")
    public long revision;
    @Column(name = "names_json")
    public String namesJson;
    @Column(name = "themes_json")
    public String themesJson;
    @Column(name = "virtual_phase_start")
    public LocalDate virtualPhaseStart;
    @Column(name = "in_person_start")
    public LocalDate inPersonStart;
    @Column(name = "in_person_end")
    public LocalDate inPersonEnd;
    @Column(name = "venue")
    public String venue;
    @Column(name = "format")
    public String format;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "forum_site_url")
    public String forumSiteUrl;
    @Column(name = "speaking_request_url")
    public String speakingRequestUrl;
    @Column(name = "partnership_url")
    public String partnershipUrl;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
