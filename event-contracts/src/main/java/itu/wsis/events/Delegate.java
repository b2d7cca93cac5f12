package itu.wsis.events;

/** A delegation member as receipts show it. Email and accessibility needs stay in registration-service. */
public record Delegate(String name, String title, boolean headOfDelegation) {
}
