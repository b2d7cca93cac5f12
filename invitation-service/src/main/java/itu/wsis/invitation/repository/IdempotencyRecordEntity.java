package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecordEntity extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "scope") String scope, @Column(name = "idem_key") String key)
            implements Serializable {
    }

    @EmbeddedId
    public Key id;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "response_code")
    public Integer responseCode;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "created_at")
    public Instant createdAt;
}
