package itu.wsis.invitation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.InviteeValidator;
import itu.wsis.invitation.service.DemoDataService;
import itu.wsis.support.outbox.Actors;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code POST /ops/demo-data}: the WSIS Forum 2022 and letter CL-22/010 to the Ministers of the 193 Member States,
 * read from {@code demo/wsis-2022/} and passed through the same DTO validation as the API. Idempotent.
 */
@Path("/ops/demo-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ops: demo data", description = "The demo of the local stack and of the tests (idempotent).")
public class DemoDataResource {

    private static final String DIR = "demo/wsis-2022/";

    private final SecurityIdentity identity;
    private final DemoDataService demo;
    private final ObjectMapper json;

    public DemoDataResource(DemoDataService demo, ObjectMapper json, SecurityIdentity identity) {
        this.demo = demo;
        this.json = json;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "loadInvitationDemoData", summary = "Load the WSIS Forum 2022 demo: forum, letter CL-22/010 and invitations to the 193 Member States")
    public Uni<DemoDataResponse> load() throws IOException {
        ForumWire.ForumRequest forum = json.readValue(resource("forum.json"), ForumWire.ForumRequest.class);
        JsonNode letter = json.readTree(resource("letter.json"));
        Map<String, LetterWire.Text> texts = new LinkedHashMap<>();
        letter.get("subjects").fields().forEachRemaining(subject -> {
            JsonNode parts = letter.path("texts").path(subject.getKey());
            texts.put(subject.getKey(), new LetterWire.Text(subject.getValue().asText(),
                    resource("body." + subject.getKey() + ".md"), text(parts, "place"), text(parts, "addressee"),
                    text(parts, "signatoryName"), text(parts, "signatoryTitle")));
        });
        LetterWire.LetterRequest request = new LetterWire.LetterRequest(
                letter.get("reference").asText(),
                json.treeToValue(letter.get("letterDate"), java.time.LocalDate.class),
                json.treeToValue(letter.get("signatory"), LetterWire.Signatory.class),
                json.treeToValue(letter.get("contact"), LetterWire.Contact.class),
                letter.get("originalLanguage").asText(),
                texts,
                letter.get("addresseeClass").asText(),
                json.treeToValue(letter.get("responseDeadline"), java.time.LocalDate.class),
                json.treeToValue(letter.get("speakingRequestDeadline"), java.time.LocalDate.class));
        String csv = resource("invitees.csv").lines().filter(line -> !line.startsWith("#"))
                .collect(Collectors.joining("\n"));
        InviteeValidator.Result people = InviteeValidator.validate(InviteeImportFormat.csv(csv).drafts());
        if (!people.ok()) {
            throw new IllegalStateException("the demo invitee file is invalid: " + people.errors().size() + " errors");
        }
        return demo.load(forum.toDomain(), request.reference(), request.toDomain(), people.valid(),
                Actors.of(identity)).map(DemoDataResponse::of);
    }

    public record DemoDataResponse(UUID forumId, UUID letterId, boolean forumCreated, boolean letterCreated,
                                   boolean letterPublished, int inviteesWritten, int invitationsIssued,
                                   int invitationsTotal) {

        static DemoDataResponse of(DemoDataService.Summary s) {
            return new DemoDataResponse(s.forumId(), s.letterId(), s.forumCreated(), s.letterCreated(),
                    s.letterPublished(), s.inviteesWritten(), s.invitationsIssued(), s.invitationsTotal());
        }
    }

    private static String text(JsonNode parts, String name) {
        JsonNode value = parts.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String resource(String name) {
        try (InputStream in = DemoDataResource.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
