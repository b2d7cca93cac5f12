package itu.wsis.support.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "test_note")
public class TestNote extends PanacheEntityBase {
    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "text")
    public String text;
}
