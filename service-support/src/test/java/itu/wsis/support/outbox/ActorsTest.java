package itu.wsis.support.outbox;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import itu.wsis.events.Actor;
import itu.wsis.events.ActorKind;
import itu.wsis.support.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who an event names: a staff member by the JWT subject only, the invitee by nothing, nobody as the system. */
class ActorsTest {

    @Test
    void aStaffMemberIsNamedByTheSubjectAloneNotByTheUpnOrTheName() {
        JsonWebToken jwt = token(Map.of("sub", "a1b2-staff", "upn", "jane.doe@itu.example.org",
                "name", "Jane Doe"));
        Actor actor = Actors.of(QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole(Roles.SECRETARIAT)
                .build());
        assertThat(actor).isEqualTo(new Actor(ActorKind.STAFF, "a1b2-staff"));
    }

    @Test
    void theInviteeThroughTheLinkIsNamedByNothing() {
        Actor actor = Actors.of(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("invitation:" + java.util.UUID.randomUUID()))
                .addRole(Roles.INVITEE).build());
        assertThat(actor).isEqualTo(Actor.invitee());
        assertThat(actor.subject()).isNull();
    }

    @Test
    void noCallerIsTheSystem() {
        assertThat(Actors.of(null)).isEqualTo(Actor.system());
        assertThat(Actors.of(QuarkusSecurityIdentity.builder().setAnonymous(true).build())).isEqualTo(Actor.system());
    }

    @Test
    void anActorCarriesASubjectOnlyForStaff() {
        assertThatThrownBy(() -> Actor.staff(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor(ActorKind.INVITEE, "someone")).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("upn");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
