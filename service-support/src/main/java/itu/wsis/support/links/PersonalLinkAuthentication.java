package itu.wsis.support.links;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint (or a resource class) that the invitee reaches with a personal link. Always with the two
 * annotations Quarkus acts on, which it does not look for inside another annotation:
 * <pre>
 * &#64;PersonalLinkAuthentication
 * &#64;HttpAuthenticationMechanism(PersonalLinkMechanism.SCHEME)   // only the personal link authenticates it
 * &#64;RolesAllowed(Roles.INVITEE)                                // only an admitted link gets in
 * </pre>
 * This one binds {@link OwnInvitationFilter} (404 when the {@code invitationId} in the path is not the link's own)
 * and makes a request without any link answer like one with a blank link (ProblemMappers). Each service's
 * ArchitectureTest checks that the three go together.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@NameBinding
public @interface PersonalLinkAuthentication {
}
