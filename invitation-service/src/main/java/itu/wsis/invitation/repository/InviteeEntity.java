package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "invitee")
public class InviteeEntity extends PanacheEntityBase {
    @Id
    @Column(name = "id")
    public UUID id;
    @Column(name = "member_state")
    public String memberState;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "form_of_address")
    public String formOfAddress;
    @Column(name = "rank")
    public String rank;
    @Column(name = "title")
    public String title;
    @Column(name = "ministry")
    public String ministry;
    @Column(name = "email")
    public String email;
    @Column(name = "email_normalized")
    public String emailNormalized;
    @Column(name = "cc_json")
    public String ccJson;
    @Column(name = "preferred_language")
    public String preferredLanguage;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Set when the person's personal data was erased on request; the personal columns are then null. */
    @Column(name = "erased_at")
    public Instant erasedAt;
}
