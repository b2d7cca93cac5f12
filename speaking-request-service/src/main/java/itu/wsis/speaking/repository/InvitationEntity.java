package itu.wsis.speaking.repository;

import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What this service knows of an invitation and its reply: enough for eligibility, links and the list of speakers. */
@Entity
@Table(name = "invitation")
public class InvitationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "forum_id")
    public UUID forumId;

    @Column(name = "letter_id")
    public UUID letterId;

    @Column(name = "member_state")
    public String memberState;

    @Enumerated(EnumType.STRING)
    @Column(name = "rank")
    public Rank rank;

    @Column(name = "link_version")
    public int linkVersion;

    @Column(name = "link_expires_at")
    public Instant linkExpiresAt;

    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "speaking_deadline_at")
    public Instant speakingDeadlineAt;

    @Column(name = "issued")
    public boolean issued;

    @Column(name = "revoked")
    public boolean revoked;

    @Enumerated(EnumType.STRING)
    @Column(name = "reply_status")
    public ReplyStatus replyStatus;

    @Column(name = "reply_version")
    public int replyVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "attendance_mode")
    public ParticipationMode attendanceMode;

    /** The person's data was erased on request: no new personal data for this invitation. */
    @Column(name = "erased_at")
    public Instant erasedAt;
}
