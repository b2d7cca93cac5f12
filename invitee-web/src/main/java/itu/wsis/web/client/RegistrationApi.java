package itu.wsis.web.client;

import itu.wsis.web.client.Models.AcceptBody;
import itu.wsis.web.client.Models.DeclineBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** registration-service's invitee endpoints. */
@Path("/invitations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RegistrationApi {

    @GET
    Response view(@PathParam("id") UUID id, @HeaderParam(Api.LINK_HEADER) String link,
                  @HeaderParam(Api.FORWARDED_FOR) String client);

    @POST
    @Path("/accept")
    Response accept(@PathParam("id") UUID id, @HeaderParam(Api.LINK_HEADER) String link,
                    @HeaderParam(Api.FORWARDED_FOR) String client, AcceptBody body);

    @POST
    @Path("/decline")
    Response decline(@PathParam("id") UUID id, @HeaderParam(Api.LINK_HEADER) String link,
                     @HeaderParam(Api.FORWARDED_FOR) String client, DeclineBody body);

    /** A visa support letter (PDF) for the member at that position of the delegation. */
    @GET
    @Path("/visa-letters/{member}")
    @Produces({"application/pdf", "application/problem+json"})
    Response visaLetter(@PathParam("id") UUID id, @PathParam("member") int member, @QueryParam("lang") String lang,
                        @HeaderParam(Api.LINK_HEADER) String link, @HeaderParam(Api.FORWARDED_FOR) String client);

    @POST
    @Path("/withdraw")
    Response withdraw(@PathParam("id") UUID id, @HeaderParam(Api.LINK_HEADER) String link,
                      @HeaderParam(Api.FORWARDED_FOR) String client);
}
