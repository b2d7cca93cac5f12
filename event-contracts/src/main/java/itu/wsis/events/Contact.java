package itu.wsis.events;

/** Secretariat contact person named in a circular letter. */
public record Contact(String name, String email, String phone) {
}
