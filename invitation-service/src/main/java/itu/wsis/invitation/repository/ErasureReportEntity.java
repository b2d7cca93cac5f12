package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One service's report on one erasure. Written with "on conflict do nothing" (the first report counts). */
@Entity
@Table(name = "erasure_report")
public class ErasureReportEntity extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "erasure_id") UUID erasureId, @Column(name = "service") String service)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "reported_at")
    public Instant reportedAt;
    /** JSON object: kind of data to count. */
    @Column(name = "erased", columnDefinition = "text")
    public String erased;
}
