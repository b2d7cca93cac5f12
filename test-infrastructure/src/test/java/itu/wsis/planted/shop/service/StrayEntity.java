package itu.wsis.planted.shop.service;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Planted violation: an entity outside the repository. */
@Entity
public class StrayEntity {
    @Id
    public Long id;
}
