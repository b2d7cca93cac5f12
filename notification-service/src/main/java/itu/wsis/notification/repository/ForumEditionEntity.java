package itu.wsis.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

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

    /** JSON {language: name}. */
    @Column(name = "names", nullable = false, columnDefinition = "text")
    public String names;

    @Column(name = "venue")
    public String venue;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "in_person_start")
    public LocalDate inPersonStart;

    @Column(name = "in_person_end")
    public LocalDate inPersonEnd;

    @Column(name = "forum_site_url")
    public String forumSiteUrl;

    @Column(name = "speaking_request_url")
    public String speakingRequestUrl;

    @Column(name = "partnership_url")
    public String partnershipUrl;
}
