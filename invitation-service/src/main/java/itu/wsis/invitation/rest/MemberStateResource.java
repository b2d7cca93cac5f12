package itu.wsis.invitation.rest;

import itu.wsis.invitation.domain.MemberStates;
import itu.wsis.invitation.rest.InviteeWire.MemberStateResponse;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The 193 ITU Member States with their names in the six languages and the defaults they give an invitee. */
@Path("/member-states")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitee registry", description = "The people invited, one per Member State and role, and the 193 ITU Member States with the defaults they give an invitee.")
public class MemberStateResource {

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "listMemberStates", summary = "The 193 ITU Member States with their names, usual language and time zone")
    public List<MemberStateResponse> memberStates() {
        return MemberStates.all().stream().map(MemberStateResponse::of).toList();
    }
}
