package itu.wsis.support.links;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The token from the {@value PersonalLinks#HEADER} header, and the client address its failures count against. */
public final class PersonalLinkRequest extends BaseAuthenticationRequest {

    private final String token;
    private final String clientAddress;

    public PersonalLinkRequest(String token, String clientAddress) {
        this.token = token;
        this.clientAddress = clientAddress;
    }

    public String token() {
        return token;
    }

    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public String toString() {
        // Never the token: it is a bearer credential.
        return "PersonalLinkRequest[from " + clientAddress + "]";
    }
}
