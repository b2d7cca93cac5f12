package itu.wsis.support.links;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import itu.wsis.support.security.Roles;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;

/**
 * Declares the personal link in the OpenAPI document: an {@code apiKey} security scheme {@value #SCHEME} in the
 * {@value PersonalLinks#HEADER} header, required by every operation open to the {@code invitee} role instead of the
 * bearer JWT that Quarkus would otherwise list for a {@code @RolesAllowed} operation.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE)
public class PersonalLinkOpenApi implements OASFilter {

    public static final String SCHEME = "personalLink";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (var item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                if (forInvitee(operation)) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
                    used = true;
                }
            }
        }
        if (used) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(PersonalLinks.HEADER)
                    .description("The personal link from the invitation email (docs/adr/0002-personal-link-tokens.md)"));
        }
    }

    private static boolean forInvitee(Operation operation) {
        if (operation.getSecurity() == null) {
            return false;
        }
        for (SecurityRequirement requirement : operation.getSecurity()) {
            if (requirement.getSchemes() != null && requirement.getSchemes().values().stream()
                    .anyMatch(scopes -> scopes != null && scopes.contains(Roles.INVITEE))) {
                return true;
            }
        }
        return false;
    }
}
