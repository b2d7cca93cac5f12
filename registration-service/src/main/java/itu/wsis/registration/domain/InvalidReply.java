package itu.wsis.registration.domain;

/** A reply whose content breaks a rule; {@code field} is the JSON path of the offending input. */
public final class InvalidReply extends RuntimeException {

    private final String field;

    public InvalidReply(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
