package itu.wsis.invitation.domain;

/** A state change that the lifecycle does not allow; the API answers 409. */
public class LifecycleViolation extends RuntimeException {

    private final String slug;

    public LifecycleViolation(String slug, String message) {
        super(message, null, false, false);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
