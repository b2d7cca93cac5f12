package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import itu.wsis.invitation.domain.LetterStatus;
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
@Table(name = "circular_letter_revision")
public class LetterRevisionEntity extends PanacheEntityBase {
    @Id
    @Column(name = "id")
    public UUID id;
    @Column(name = "letter_id")
    public UUID letterId;
    @Column(name = "revision")
    public int revision;
    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public LetterStatus status;
    @Column(name = "letter_date")
    public LocalDate letterDate;
    @Column(name = "signatory_name")
    public String signatoryName;
    @Column(name = "signatory_title")
    public String signatoryTitle;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "original_language")
    public String originalLanguage;
    @Column(name = "texts_json")
    public String textsJson;
    @Column(name = "addressee_class")
    public String addresseeClass;
    @Column(name = "response_deadline_date")
    public LocalDate responseDeadlineDate;
    @Column(name = "response_deadline_at")
    public Instant responseDeadlineAt;
    @Column(name = "speaking_deadline_date")
    public LocalDate speakingDeadlineDate;
    @Column(name = "speaking_deadline_at")
    public Instant speakingDeadlineAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;
}
