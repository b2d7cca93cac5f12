package itu.wsis.support.links;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a personal link into the {@code invitee} identity of its invitation, by {@link PersonalLinkAdmission}. */
@ApplicationScoped
public class PersonalLinkIdentityProvider implements IdentityProvider<PersonalLinkRequest> {

    private final PersonalLinkAdmission admission;

    public PersonalLinkIdentityProvider(PersonalLinkAdmission admission) {
        this.admission = admission;
    }

    @Override
    public Class<PersonalLinkRequest> getRequestType() {
        return PersonalLinkRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(PersonalLinkRequest request, AuthenticationRequestContext context) {
        // Non-blocking all the way (a signature check and one reactive query): no worker thread is needed.
        return admission.admit(request.token(), request.clientAddress());
    }
}
