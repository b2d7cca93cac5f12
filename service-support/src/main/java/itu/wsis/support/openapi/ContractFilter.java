package itu.wsis.support.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import itu.wsis.support.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Completes each service's OpenAPI document with what is the same for every operation of the platform, so that the
 * resources only state what is particular to them (id, summary, success and domain error responses):
 * <ul>
 *   <li>the two security schemes, and the one each operation takes, derived from its role annotation: staff roles
 *   ({@link Roles}) take {@value ApiContract#JWT}; an operation that reads the personal-link header, or whose role
 *   is not a staff role, takes {@value ApiContract#PERSONAL_LINK} (the header then is the scheme, not a
 *   parameter); an operation without a role is public;</li>
 *   <li>the RFC 9457 {@code Problem} schema as the {@code application/problem+json} body of every error response,
 *   and the errors every operation of its kind can answer (401, 403, 400/413/415 with a body, 400 with a typed
 *   path or query parameter, 404 with a path parameter, 500, and 503 with {@code Retry-After} for a lost database
 *   connection);</li>
 *   <li>the {@code Location} header of 201 and 202 responses, and the request body examples from
 *   {@value ApiContract#EXAMPLES};</li>
 *   <li>the service-qualified id of the operations every service serves ({@value ApiContract#EVERY_SERVICE}).</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    private static final Set<String> STAFF_ROLES = Set.of(Roles.SECRETARIAT, Roles.OPS);
    private static final String PROBLEM_REF = "#/components/schemas/" + ApiContract.PROBLEM_SCHEMA;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The generic meaning of each status that the filter adds or completes. */
    private static final Map<String, String> GENERIC = Map.of(
            "400", "The request is not valid: `errors` names each invalid field or parameter.",
            "401", "Not authenticated: the credential is missing, forged or expired.",
            "403", "Your role does not allow this operation.",
            "404", "Nothing at this address: no such resource, or not yours.",
            "413", "The request body is larger than the service accepts (quarkus.http.limits.max-body-size); refused "
                    + "before the service reads it.",
            "415", "The request body's Content-Type is not one this operation reads.",
            "500", "Unexpected error: quote `errorId` to the operators.",
            "503", "The service lost its database connection or could not get one (a restart, a failover): the request "
                    + "was not completed. Send it again after `Retry-After` seconds.");
    /** The descriptions that Quarkus and SmallRye write by default: replaced by the ones above. */
    private static final Set<String> DEFAULT_DESCRIPTIONS = Set.of("Not Authorized", "Not Allowed", "Bad Request",
            "Not Found", "Unsupported Media Type", "Internal Server Error", "");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(ApiContract.FIELD_ERROR_SCHEMA, fieldErrorSchema());
        components.addSchema(ApiContract.PROBLEM_SCHEMA, problemSchema());
        Map<String, SecurityScheme> schemes = new TreeMap<>();
        schemes.put(ApiContract.JWT, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Staff: a JWT from the identity provider, `groups` holding the role (`secretariat` "
                        + "writes, `ops` reads and runs the platform). The scopes of a requirement name the roles "
                        + "that may call the operation."));
        schemes.put(ApiContract.PERSONAL_LINK, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                .name(ApiContract.PERSONAL_LINK_HEADER)
                .description("Invitees: the token of the personal link in the invitation email "
                        + "(`.../r/<token>`), sent in this header, never in the URL. It opens only its own "
                        + "invitation; an expired or superseded link answers 410."));
        String service = serviceName();
        Set<String> used = new LinkedHashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> complete(service, path, method, operation, used)));
        }
        // Only the schemes some operation takes: a service without invitee operations declares no personal link.
        schemes.keySet().retainAll(used);
        components.setSecuritySchemes(schemes);
    }

    private void complete(String service, String path, PathItem.HttpMethod method, Operation operation,
                          Set<String> usedSchemes) {
        // The example of an operation every service serves is named by its plain id, before qualification.
        String plainId = operation.getOperationId();
        qualifyId(service, operation);
        String scheme = assignSecurity(operation);
        if (operation.getSecurity() != null) {
            operation.getSecurity().forEach(requirement -> {
                if (requirement.getSchemes() != null) {
                    usedSchemes.addAll(requirement.getSchemes().keySet());
                }
            });
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        boolean body = operation.getRequestBody() != null;
        if (ApiContract.JWT.equals(scheme)) {
            ensure(responses, "401");
            ensure(responses, "403");
        } else if (ApiContract.PERSONAL_LINK.equals(scheme)) {
            ensure(responses, "401");
        }
        if (body) {
            ensure(responses, "400");
            ensure(responses, "413");
            ensure(responses, "415");
        }
        if (path.contains("{") || typedQueryParameter(operation)) {
            // A path or query parameter that is not of its type is named in a 400 (ParameterConverters).
            ensure(responses, "400");
        }
        if (path.contains("{")) {
            ensure(responses, "404");
        }
        ensure(responses, "500");
        ensure(responses, "503");
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                asProblem(code, response);
                if (code.equals("503") && !hasHeader(response, "Retry-After")) {
                    response.addHeader("Retry-After", OASFactory.createHeader()
                            .description("Seconds to wait before sending the request again.")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
                }
            } else if ((code.equals("201") || code.equals("202")) && !hasHeader(response, "Location")) {
                response.addHeader("Location", OASFactory.createHeader()
                        .description(code.equals("201") ? "Where the created resource can be read."
                                : "Where the accepted work can be followed.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")));
            }
        });
        // Keep the responses in status order, whatever order the annotations and the filter added them in.
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(sorted);
        if (body) {
            attachExamples(operation, plainId);
        }
    }

    private static void qualifyId(String service, Operation operation) {
        Map<String, Object> extensions = operation.getExtensions();
        if (extensions == null || !extensions.containsKey(ApiContract.EVERY_SERVICE)) {
            return;
        }
        operation.removeExtension(ApiContract.EVERY_SERVICE);
        String id = operation.getOperationId();
        if (id != null && !id.isEmpty()) {
            operation.setOperationId(service + Character.toUpperCase(id.charAt(0)) + id.substring(1));
        }
    }

    /** Returns the scheme the operation takes, or null for a public one. */
    private static String assignSecurity(Operation operation) {
        Set<String> roles = new LinkedHashSet<>();
        boolean linkScheme = false;
        boolean explicitlyPublic = false;
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                if (requirement.getSchemes() == null || requirement.getSchemes().isEmpty()) {
                    explicitlyPublic = true;
                    continue;
                }
                requirement.getSchemes().forEach((name, scopes) -> {
                    if (scopes != null) {
                        roles.addAll(scopes);
                    }
                });
                linkScheme |= requirement.getSchemes().containsKey(ApiContract.PERSONAL_LINK);
            }
        }
        boolean linkHeader = false;
        if (operation.getParameters() != null) {
            List<Parameter> kept = new ArrayList<>();
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getIn() == Parameter.In.HEADER
                        && ApiContract.PERSONAL_LINK_HEADER.equalsIgnoreCase(parameter.getName())) {
                    linkHeader = true;
                } else {
                    kept.add(parameter);
                }
            }
            operation.setParameters(kept.isEmpty() ? null : kept);
        }
        boolean inviteeRole = roles.stream().anyMatch(role -> !STAFF_ROLES.contains(role));
        if (linkHeader || linkScheme || inviteeRole) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()
                    .addScheme(ApiContract.PERSONAL_LINK, List.of())));
            return ApiContract.PERSONAL_LINK;
        }
        if (!roles.isEmpty()) {
            List<SecurityRequirement> security = new ArrayList<>();
            if (explicitlyPublic) {
                // Public, and a staff token shows more (e.g. a list of speakers before it is published).
                security.add(OASFactory.createSecurityRequirement());
            }
            security.add(OASFactory.createSecurityRequirement().addScheme(ApiContract.JWT, List.copyOf(roles)));
            operation.setSecurity(security);
            // An optional token is never refused: a bad one reads as no token.
            return explicitlyPublic ? null : ApiContract.JWT;
        }
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        return null;
    }

    private static boolean typedQueryParameter(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        return operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY
                && p.getSchema() != null && (p.getSchema().getRef() != null || p.getSchema().getType() == null
                || !p.getSchema().getType().equals(List.of(Schema.SchemaType.STRING))
                || p.getSchema().getFormat() != null || p.getSchema().getEnumeration() != null));
    }

    private static void ensure(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(GENERIC.get(code)));
        }
    }

    private static void asProblem(String code, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (response.getDescription() == null || DEFAULT_DESCRIPTIONS.contains(response.getDescription())) {
            response.setDescription(GENERIC.getOrDefault(code, "The request cannot be completed: see `detail`."));
        }
        Content content = response.getContent();
        boolean typed = content != null && content.getMediaTypes() != null
                && content.getMediaTypes().values().stream().anyMatch(m -> m.getSchema() != null);
        if (!typed) {
            response.setContent(OASFactory.createContent().addMediaType(ApiContract.PROBLEM_JSON,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        }
    }

    private static boolean hasHeader(APIResponse response, String name) {
        Map<String, Header> headers = response.getHeaders();
        return headers != null && headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }

    private static void attachExamples(Operation operation, String plainId) {
        Content content = operation.getRequestBody().getContent();
        if (content == null || content.getMediaTypes() == null || plainId == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty())) {
                return;
            }
            boolean json = type.toLowerCase(Locale.ROOT).contains("json");
            String text = resource(ApiContract.EXAMPLES + plainId + (json ? ".json" : ".csv"));
            if (text != null) {
                media.setExample(json ? parse(text) : text);
            }
        });
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("an example in " + ApiContract.EXAMPLES + " is not valid JSON", e);
        }
    }

    private static String resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader == null ? ContractFilter.class.getClassLoader() : loader)
                .getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "speaking-request-service" gives "speakingRequest": the prefix of the operations every service serves. */
    static String serviceName() {
        String name = ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class)
                .orElse("service").replaceFirst("-service$", "");
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid input.")
                .addProperty("field", string("A JSON path into the request body such as `delegation[1].email`, or "
                        + "the name of a parameter.").example("delegation[0].email"))
                .addProperty("message", string("What is wrong with it.").example("must be a well-formed email address"))
                .addRequired("field").addRequired("message");
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document, the body of every error response. Clients branch on "
                        + "`type`, never on the text of `title` or `detail`.")
                .addProperty("type", string("Identifies the problem: `urn:wsis:problem:<slug>` (for instance "
                        + "`urn:wsis:problem:reply-deadline-passed`), or `about:blank` for a plain HTTP error.")
                        .format("uri-reference").example("urn:wsis:problem:invalid-request"))
                .addProperty("title", string("Short summary of the problem type.").example("The request is not valid"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code.").example(400))
                .addProperty("detail", string("What happened in this occurrence, for a person.")
                        .example("delegation[0].email: must be a well-formed email address"))
                .addProperty("instance", string("The path of the request.").format("uri-reference")
                        .example("/invitations/7d1f8b5e-2a4c-4d2e-9b7a-0c7e5f1d2a3b/accept"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("On 400: one entry per invalid input.")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + ApiContract.FIELD_ERROR_SCHEMA)))
                .addProperty("totalErrors", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").description("On 400: how many inputs were invalid in all, when `errors` "
                                + "lists only the first ones."))
                .addProperty("retryAfterSeconds", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int64").description("On 429 and 503: seconds to wait, as in the `Retry-After` header."))
                .addProperty("errorId", string("On 500: the id under which the operators logged the failure."))
                .addProperty("reason", string("On some 409s: the refused rule, e.g. `deadline_passed`."))
                .addProperty("language", string("On 410 for a personal link: the invitee's language (`ar`, `en`, "
                        + "`es`, `fr`, `ru` or `zh`), so that a front-end can explain the refusal in it."))
                .addProperty("rank", string("On 409 `round-table-ministers-only`: the rank the delegation's request "
                        + "was judged by."))
                .addRequired("type").addRequired("title").addRequired("status");
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
