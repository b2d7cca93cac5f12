package itu.wsis.web.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** invitation-service's invitee endpoint. Answers are read by {@link Api}, whatever their status. */
@Path("/invitations/{id}")
@Produces(MediaType.APPLICATION_JSON)
public interface InvitationApi {

    @GET
    @Path("/letter")
    Response letter(@PathParam("id") UUID id, @HeaderParam(Api.LINK_HEADER) String link,
                    @HeaderParam(Api.FORWARDED_FOR) String client);
}
