package itu.wsis.speaking.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "speaking_request")
public class SpeakingRequestEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "forum_id")
    public UUID forumId;

    @Column(name = "invitation_id")
    public UUID invitationId;

    @Column(name = "member_state")
    public String memberState;

    @Column(name = "speaker_name")
    public String speakerName;

    @Column(name = "speaker_title")
    public String speakerTitle;

    @Column(name = "speaker_rank")
    public String speakerRank;

    @Column(name = "speaker_substitute")
    public boolean speakerSubstitute;

    /** The rank the allocation orders by: the claimed one unless it waits for, or was refused, confirmation. */
    @Column(name = "precedence_rank")
    public String precedenceRank;

    /** Null when the invitation supports the claimed rank; else PENDING, CONFIRMED or REFUSED. */
    @Column(name = "rank_confirmation")
    public String rankConfirmation;

    @Column(name = "rank_decided_by")
    public String rankDecidedBy;

    @Column(name = "rank_decided_at")
    public Instant rankDecidedAt;

    @Column(name = "rank_decision_note")
    public String rankDecisionNote;

    /** Comma-separated session ids, most wanted first. */
    @Column(name = "preferred_session_ids")
    public String preferredSessionIds;

    @Column(name = "statement_language")
    public String statementLanguage;

    @Column(name = "modality")
    public String modality;

    @Column(name = "topic")
    public String topic;

    @Column(name = "statement_text")
    public String statementText;

    @Column(name = "video_reference")
    public String videoReference;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "late")
    public boolean late;

    @Column(name = "status")
    public String status;

    @Column(name = "waiting_position")
    public Integer waitingPosition;

    @Column(name = "override_kind")
    public String overrideKind;

    @Column(name = "override_session_id")
    public UUID overrideSessionId;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "closed_at")
    public Instant closedAt;
}
