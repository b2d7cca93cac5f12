package itu.wsis.invitation.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.invitation.domain.ForumDetails;
import itu.wsis.invitation.domain.ForumFormat;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.domain.InviteeLetter;
import itu.wsis.invitation.domain.LetterContent;
import itu.wsis.invitation.service.InviteeLetterService;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import itu.wsis.support.links.InviteeLink;
import itu.wsis.support.links.PersonalLinkAuthentication;
import itu.wsis.support.links.PersonalLinkMechanism;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The invitee's copy of the forum and the letter, through the personal link (header {@value PersonalLinks#HEADER}):
 * the only invitee endpoint of this service, for the invitee pages. The link is admitted by the shared policy of
 * service-support, with the same answers as registration- and speaking-request-service (docs/security-auth.md).
 */
@Path("/invitations/{invitationId}/letter")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitee: the letter through the personal link", description = "What the invitee pages show: the invitee's copy of the forum and the letter, opened with the personal link.")
@PersonalLinkAuthentication
@HttpAuthenticationMechanism(PersonalLinkMechanism.SCHEME)
@RolesAllowed(Roles.INVITEE)
public class InviteeLetterResource {

    private final SecurityIdentity identity;
    private final InviteeLetterService letters;

    public InviteeLetterResource(SecurityIdentity identity, InviteeLetterService letters) {
        this.identity = identity;
        this.letters = letters;
    }

    @GET
    @Operation(operationId = "getMyInvitationLetter", summary = "My invitation's forum, letter (every language it was written in) and reply deadline")
    @APIResponse(responseCode = "200", description = "The forum, the letter and the deadlines of the invitation.")
    @APIResponse(responseCode = "404", description = "No invitation at this address, or the link is for another invitation.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, or the link expired or was superseded by a newer one. `language` is the invitee's.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<InviteeLetterResponse> letter(@PathParam("invitationId") UUID invitationId) {
        return letters.letterFor(InviteeLink.claims(identity)).map(InviteeLetterResponse::of);
    }

    /**
     * The forum as the letter presents it, with the addresses the letter points to, so that the invitee pages can
     * link to them: the forum's site, its page on speaking requests, and the partnership offers (absent when the
     * forum has none).
     */
    public record ForumSummaryResponse(String code, Map<String, String> names, Map<String, String> themes,
                                       LocalDate virtualPhaseStart, LocalDate inPersonStart, LocalDate inPersonEnd,
                                       String venue, ForumFormat format, String timeZone,
                                       @Schema(description = "The forum's web site.", format = "uri") String forumSiteUrl,
                                       @Schema(description = "The forum's page about requesting speaking time at the high-level sessions.", format = "uri")
                                       String speakingRequestUrl,
                                       @Schema(description = "The forum's partnership offers; absent when the forum has none.", format = "uri")
                                       String partnershipUrl) {
    }

    public record LetterTextResponse(String subject, String body) {
    }

    public record PublishedLetterResponse(String reference, int revision, LocalDate letterDate, String signatoryName,
                                          String signatoryTitle, String contactName, String contactEmail, String contactPhone,
                                          Language originalLanguage, Map<String, LetterTextResponse> texts) {
    }

    /** No personal data beyond what the link holder already knows: member state, language and zone. */
    public record InviteeLetterResponse(UUID invitationId, InvitationStatus status, String memberState,
                                        Language preferredLanguage, String inviteeTimeZone, ForumSummaryResponse forum,
                                        PublishedLetterResponse letter, Deadline responseDeadline, Deadline speakingRequestDeadline) {

        static InviteeLetterResponse of(InviteeLetter l) {
            ForumDetails f = l.forum().details();
            LetterContent c = l.letter().content();
            Map<String, LetterTextResponse> texts = new TreeMap<>();
            c.texts().forEach((language, text) -> texts.put(language.code(), new LetterTextResponse(text.subject(), text.body())));
            return new InviteeLetterResponse(l.invitation().id(), l.invitation().status(), l.invitation().memberState(),
                    l.invitation().preferredLanguage(),
                    l.inviteeTimeZone() == null ? null : l.inviteeTimeZone().getId(),
                    new ForumSummaryResponse(f.code(), codes(f.names()), codes(f.themes()), f.virtualPhaseStart(),
                            f.inPersonStart(), f.inPersonEnd(), f.venue(), f.format(), f.timeZone().getId(),
                            f.forumSiteUrl(), f.speakingRequestUrl(), f.partnershipUrl()),
                    new PublishedLetterResponse(l.letter().reference(), l.letter().revision(), c.letterDate(), c.signatoryName(),
                            c.signatoryTitle(), c.contact().name(), c.contact().email(), c.contact().phone(),
                            c.originalLanguage(), texts),
                    l.invitation().responseDeadline(), l.letter().speakingRequestDeadline());
        }

        private static Map<String, String> codes(Map<Language, String> byLanguage) {
            Map<String, String> codes = new TreeMap<>();
            byLanguage.forEach((language, text) -> codes.put(language.code(), text));
            return codes;
        }
    }
}
