package itu.wsis.support.openapi;

/**
 * The conventions every service's OpenAPI document follows (docs/api/README.md); {@link ContractFilter} applies the
 * mechanical ones, the contract test of each service checks all of them.
 */
public final class ApiContract {

    /** Security scheme of staff operations: a bearer JWT whose {@code groups} carry the roles. */
    public static final String JWT = "jwt";
    /** Security scheme of invitee operations: the personal-link token in a header. */
    public static final String PERSONAL_LINK = "personalLink";
    /** The header that carries the personal link (docs/adr/0002-personal-link-tokens.md). */
    public static final String PERSONAL_LINK_HEADER = "WSIS-Personal-Link";

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "FieldError";

    /**
     * Extension that marks an operation every service serves from service-support (the ops clock, for instance).
     * Its {@code operationId} is then qualified with the service's name ({@code getClock} becomes
     * {@code invitationGetClock} in invitation-service), so that ids stay unique across the four documents.
     * Use it as {@code @Extension(name = ApiContract.EVERY_SERVICE, value = "true")} on the operation.
     */
    public static final String EVERY_SERVICE = "x-wsis-every-service";

    /**
     * Extension that declares an enum of a response open: clients must accept a value they do not know, and a new
     * value is then a compatible change (docs/api/README.md, Versioning). Use it as
     * {@code @Extension(name = ApiContract.OPEN_ENUM, value = "true", parseValue = true)} in the {@code @Schema} of
     * the response's property.
     */
    public static final String OPEN_ENUM = "x-wsis-open-enum";

    /**
     * Where a request body's example lives on the classpath: {@code openapi-examples/<operationId>.json} (or
     * {@code .csv} for a {@code text/csv} body). The filter attaches it; Redocly checks it against the schema.
     */
    public static final String EXAMPLES = "openapi-examples/";

    private ApiContract() {
    }
}
