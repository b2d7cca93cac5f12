package itu.wsis.speaking.repository;

import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.SpeakingModality;
import itu.wsis.speaking.domain.Actor;
import itu.wsis.speaking.domain.OverrideKind;
import itu.wsis.speaking.domain.RequestStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Enumerated(EnumType.STRING)
    @Column(name = "speaker_rank")
    public Rank speakerRank;

    @Column(name = "speaker_substitute")
    public boolean speakerSubstitute;

    /** The rank the allocation orders by: the claimed one unless it waits for, or was refused, confirmation. */
    @Enumerated(EnumType.STRING)
    @Column(name = "precedence_rank")
    public Rank precedenceRank;

    /** Null when the invitation supports the claimed rank; else PENDING, CONFIRMED or REFUSED. */
    @Enumerated(EnumType.STRING)
    @Column(name = "rank_confirmation")
    public RankConfirmation rankConfirmation;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "modality")
    public SpeakingModality modality;

    @Column(name = "topic")
    public String topic;

    @Column(name = "statement_text")
    public String statementText;

    @Column(name = "video_reference")
    public String videoReference;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "submitted_by")
    public Actor submittedBy;

    @Column(name = "late")
    public boolean late;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public RequestStatus status;

    @Column(name = "waiting_position")
    public Integer waitingPosition;

    @Enumerated(EnumType.STRING)
    @Column(name = "override_kind")
    public OverrideKind overrideKind;

    @Column(name = "override_session_id")
    public UUID overrideSessionId;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "closed_at")
    public Instant closedAt;

    /**
     * The round table this request asks a seat at; null for a request for speaking time at the high-level policy
     * sessions. Set at submission, never changed: it decides which of the delegation's requests an action is about.
     */
    @Column(name = "round_table_id")
    public UUID roundTableId;
}
