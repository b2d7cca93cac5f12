package itu.wsis.invitation.rest;

import itu.wsis.invitation.domain.MemberStates;
import itu.wsis.invitation.rest.InviteeDtos.MemberStateResponse;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The 193 ITU Member States with their names in the six languages and the defaults they give an invitee. */
@Path("/member-states")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitee registry")
public class MemberStateResource {

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    public List<MemberStateResponse> memberStates() {
        return MemberStates.all().stream().map(MemberStateResponse::of).toList();
    }
}
