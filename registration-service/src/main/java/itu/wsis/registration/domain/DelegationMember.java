package itu.wsis.registration.domain;

/** A member of a delegation. Email and accessibility need stay in this service; events carry name and title. */
public record DelegationMember(String name, String title, String email, String accessibilityNeed,
                               boolean headOfDelegation) {
}
