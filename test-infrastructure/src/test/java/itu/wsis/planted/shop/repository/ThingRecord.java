package itu.wsis.planted.shop.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Planted violation: an entity not named *Entity. */
@Entity
public class ThingRecord {
    @Id
    public Long id;
}
