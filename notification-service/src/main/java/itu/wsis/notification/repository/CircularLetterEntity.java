package itu.wsis.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "circular_letter")
public class CircularLetterEntity extends PanacheEntityBase {

    @Id
    @Column(name = "letter_id")
    public UUID letterId;

    @Column(name = "revision", nullable = false)
    public int revision;

    @Column(name = "forum_id", nullable = false)
    public UUID forumId;

    @Column(name = "reference", nullable = false)
    public String reference;

    @Column(name = "original_language", nullable = false)
    public String originalLanguage;

    /** JSON {language: {subject, body}}. */
    @Column(name = "texts", nullable = false, columnDefinition = "text")
    public String texts;

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
}
