package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import itu.wsis.events.ReplyStatus;
import itu.wsis.invitation.domain.InvitationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "invitation")
public class InvitationEntity extends PanacheEntityBase {
    @Id
    @Column(name = "id")
    public UUID id;
    @Column(name = "letter_id")
    public UUID letterId;
    @Column(name = "invitee_id")
    public UUID inviteeId;
    @Column(name = "forum_id")
    public UUID forumId;
    @Column(name = "letter_revision")
    public int letterRevision;
    /** Never EXPIRED: that is how an ISSUED invitation reads once its deadline has passed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public InvitationStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "reply_status")
    public ReplyStatus replyStatus;
    @Column(name = "reply_version")
    public int replyVersion;
    @Column(name = "member_state")
    public String memberState;
    @Column(name = "preferred_language")
    public String preferredLanguage;
    @Column(name = "rank")
    public String rank;
    @Column(name = "response_deadline_date")
    public LocalDate responseDeadlineDate;
    @Column(name = "response_deadline_zone")
    public String responseDeadlineZone;
    @Column(name = "response_deadline_at")
    public Instant responseDeadlineAt;
    @Column(name = "link_version")
    public int linkVersion;
    @Column(name = "link_expires_at")
    public Instant linkExpiresAt;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;
    @Column(name = "revocation_reason")
    public String revocationReason;
    @Column(name = "issue_batch")
    public UUID issueBatch;
}
