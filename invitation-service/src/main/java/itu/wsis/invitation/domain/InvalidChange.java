package itu.wsis.invitation.domain;

/** A change whose input breaks a rule; {@code field} is the JSON path of the offending input. The API answers 400. */
public final class InvalidChange extends RuntimeException {

    private final String field;

    public InvalidChange(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
