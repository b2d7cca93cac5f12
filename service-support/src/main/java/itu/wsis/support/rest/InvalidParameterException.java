package itu.wsis.support.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path, header or cookie parameter whose text is not of its declared type. A {@code WebApplicationException},
 * so that RESTEasy Reactive passes it on as thrown instead of turning it into the 404 that JAX-RS prescribes for
 * unconvertible path and query parameters; the problem mapper names the parameter.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super(parameter + " " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }
}
