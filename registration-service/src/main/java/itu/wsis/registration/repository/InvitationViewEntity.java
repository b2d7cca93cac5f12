package itu.wsis.registration.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** This service's view of one invitation, written only by the invitation-event consumer. */
@Entity
@Table(name = "invitation_view")
public class InvitationViewEntity extends PanacheEntityBase {

    @Id
    @Column(name = "invitation_id")
    public UUID invitationId;

    @Column(name = "forum_id", nullable = false)
    public UUID forumId;

    @Column(name = "forum_code", nullable = false)
    public String forumCode;

    @Column(name = "letter_id", nullable = false)
    public UUID letterId;

    @Column(name = "letter_reference", nullable = false)
    public String letterReference;

    @Column(name = "member_state", nullable = false)
    public String memberState;

    @Column(name = "preferred_language", nullable = false)
    public String preferredLanguage;

    @Column(name = "invitee_rank", nullable = false)
    public String inviteeRank;

    @Column(name = "deadline_date", nullable = false)
    public LocalDate deadlineDate;

    @Column(name = "deadline_time_zone", nullable = false)
    public String deadlineTimeZone;

    @Column(name = "deadline_ends_at", nullable = false)
    public Instant deadlineEndsAt;

    @Column(name = "link_version", nullable = false)
    public int linkVersion;

    /** The invitation's own link expiry; links end then, whatever their tokens claim. */
    @Column(name = "link_expires_at")
    public Instant linkExpiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** The person's data was erased on request: replies to this invitation accept no new personal data. */
    @Column(name = "erased_at")
    public Instant erasedAt;
}
