package itu.wsis.web.client;

import itu.wsis.web.client.Models.SpeakerBody;
import itu.wsis.web.client.Models.SpeakingRequestBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * speaking-request-service's invitee endpoints. {@code sessionId} null: the request for speaking time at the
 * high-level policy sessions; a round table's id: the request for a seat at it. The pages read what they show with
 * {@link #overview} alone: the personal link's rate limit counts every call.
 */
@Path("/invitations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SpeakingApi {

    @GET
    @Path("/speaking-overview")
    Response overview(@PathParam("id") UUID id, @HeaderParam(Api.LINK_HEADER) String link,
                      @HeaderParam(Api.FORWARDED_FOR) String client);

    @POST
    @Path("/speaking-request")
    Response submit(@PathParam("id") UUID id, @HeaderParam(Api.LINK_HEADER) String link,
                    @HeaderParam(Api.FORWARDED_FOR) String client, SpeakingRequestBody body);

    @PUT
    @Path("/speaking-request/speaker")
    Response changeSpeaker(@PathParam("id") UUID id, @HeaderParam(Api.LINK_HEADER) String link,
                           @HeaderParam(Api.FORWARDED_FOR) String client, SpeakerBody body);

    @DELETE
    @Path("/speaking-request")
    Response withdraw(@PathParam("id") UUID id, @QueryParam("sessionId") UUID sessionId,
                      @HeaderParam(Api.LINK_HEADER) String link, @HeaderParam(Api.FORWARDED_FOR) String client);
}
