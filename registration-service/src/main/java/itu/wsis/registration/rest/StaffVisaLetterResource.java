package itu.wsis.registration.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.registration.rest.VisaLetterWire.VisaLetterVerificationResponse;
import itu.wsis.registration.service.VisaLetterService;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/** A consulate asks the secretariat whether a visa support letter is genuine and still holds. */
@Path("/visa-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Secretariat: visa support letters", description = "Verify a visa support letter by its reference: whom it was issued for, and whether the reply still makes it hold.")
public class StaffVisaLetterResource {

    private final VisaLetterService letters;

    public StaffVisaLetterResource(VisaLetterService letters) {
        this.letters = letters;
    }

    @GET
    @Path("/{reference}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "verifyVisaLetter", summary = "What a visa support letter certifies, and whether it still holds")
    @APIResponse(responseCode = "200", description = "The letter's reference is known: whom and what it certifies, and `valid` as of now.")
    @APIResponse(responseCode = "404", description = "No visa support letter has this reference (`visa-letter-not-found`).")
    public Uni<VisaLetterVerificationResponse> verify(
            @Parameter(description = "The reference printed on the letter.", example = "WSIS-VL-7K3M9Q2XJD")
            @PathParam("reference") String reference) {
        return letters.verify(reference.strip().toUpperCase(Locale.ROOT)).map(VisaLetterVerificationResponse::of);
    }
}
