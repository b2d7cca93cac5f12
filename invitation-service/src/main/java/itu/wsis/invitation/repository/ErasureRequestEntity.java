package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A request to erase one invitee's personal data. */
@Entity
@Table(name = "erasure_request")
public class ErasureRequestEntity extends PanacheEntityBase {
    @Id
    @Column(name = "id")
    public UUID id;
    @Column(name = "invitee_id")
    public UUID inviteeId;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "requested_by")
    public String requestedBy;
    /** JSON array of invitation ids. */
    @Column(name = "invitation_ids", columnDefinition = "text")
    public String invitationIds;
}
