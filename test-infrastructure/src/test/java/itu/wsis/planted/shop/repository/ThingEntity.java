package itu.wsis.planted.shop.repository;

import itu.wsis.planted.shop.domain.Thing;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Planted for ServiceArchitectureTest: conforms. */
@Entity
public class ThingEntity {
    @Id
    public Long id;
    public String name;

    public Thing toThing() {
        return new Thing(name);
    }
}
