package itu.wsis.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One invitee's entry in the contact directory. Personal columns are nulled on revocation and after retention. */
@Entity
@Table(name = "contact")
public class ContactEntity extends PanacheEntityBase {

    @Id
    @Column(name = "invitation_id")
    public UUID invitationId;

    @Column(name = "forum_id")
    public UUID forumId;

    @Column(name = "letter_id")
    public UUID letterId;

    @Column(name = "full_name")
    public String fullName;

    @Column(name = "form_of_address")
    public String formOfAddress;

    @Column(name = "rank")
    public String rank;

    @Column(name = "title")
    public String title;

    @Column(name = "email")
    public String email;

    /** JSON array of addresses. */
    @Column(name = "cc", columnDefinition = "text")
    public String cc;

    @Column(name = "language")
    public String language;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "member_state")
    public String memberState;

    @Column(name = "response_deadline_date")
    public LocalDate responseDeadlineDate;

    @Column(name = "response_deadline_zone")
    public String responseDeadlineZone;

    @Column(name = "response_deadline_at")
    public Instant responseDeadlineAt;

    @Column(name = "speaking_deadline_date")
    public LocalDate speakingDeadlineDate;

    @Column(name = "speaking_deadline_zone")
    public String speakingDeadlineZone;

    @Column(name = "speaking_deadline_at")
    public Instant speakingDeadlineAt;

    @Column(name = "link_version")
    public Integer linkVersion;

    @Column(name = "link_expires_at")
    public Instant linkExpiresAt;

    @Column(name = "reply_status")
    public String replyStatus;

    @Column(name = "speaking_requested", nullable = false)
    public boolean speakingRequested;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "issued_at")
    public Instant issuedAt;

    /** Whether InvitationIssued has arrived (a reply on another topic can create the row first). */
    public boolean issued() {
        return issuedAt != null;
    }
}
