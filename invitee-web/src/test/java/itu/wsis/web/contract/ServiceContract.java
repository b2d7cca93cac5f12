package itu.wsis.web.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import itu.wsis.contracts.OpenApi30;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;


/**
 * One service's published contract, {@code docs/api/<service>.json} (kept equal to what the service generates by its
 * OpenApiContractTest), and the checks of one call against it: the request invitee-web sent (path, method,
 * parameters, the personal-link header, body) and the answer it was given (status, content type, body). A violation is
 * a readable line naming the document, the operation and the member.
 */
public final class ServiceContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final OpenApiInteractionValidator validator;

    private ServiceContract(String service, OpenApiInteractionValidator validator) {
        this.service = service;
        this.validator = validator;
    }

    /** {@code service}: the name of its document in docs/api, e.g. {@code registration-service}. */
    public static ServiceContract of(String service) {
        Path document = document(service);
        try {
            String spec = Files.readString(document, StandardCharsets.UTF_8);
            return new ServiceContract(service,
                    OpenApiInteractionValidator.createForInlineApiSpecification(OpenApi30.of(spec)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String service() {
        return service;
    }

    /** One HTTP call as it crossed the wire; header names in any case. */
    public record Call(String method, String path, String rawQuery, Map<String, List<String>> requestHeaders,
                       byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
                       byte[] responseBody) {
    }

    /** What is wrong with the request, then with the answer; empty when both keep the contract. */
    public List<String> check(Call call) {
        Request request = request(call);
        List<String> violations = new ArrayList<>(describe(call, "request", validator.validateRequest(request)));
        SimpleResponse.Builder response = SimpleResponse.Builder.status(call.status());
        call.responseHeaders().forEach((name, values) -> response.withHeader(name, values));
        if (call.responseBody().length > 0) {
            response.withBody(body(call.responseBody(), header(call.responseHeaders(), "Content-Type")));
        }
        violations.addAll(describe(call, "answer " + call.status(),
                validator.validateResponse(call.path(), request.getMethod(), response.build())));
        return violations;
    }

    private static Request request(Call call) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(call.method(), call.path());
        call.requestHeaders().forEach((name, values) -> request.withHeader(name, values));
        if (call.rawQuery() != null && !call.rawQuery().isEmpty()) {
            for (String pair : call.rawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                request.withQueryParam(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        if (call.requestBody().length > 0) {
            request.withBody(body(call.requestBody(), header(call.requestHeaders(), "Content-Type")));
        }
        return request.build();
    }

    /**
     * A JSON body with every member whose value is null left out. The services write an absent optional member as
     * null (Jackson's default, e.g. {@code "reply": null} before any reply) and read a null as absent, but SmallRye
     * does not mark those members nullable in the documents, so a literal null would fail any typed schema. Leaving
     * the nulls out checks what the document can say: required members stay required (a required member sent as null
     * is reported missing) and every present value keeps its type. Other bodies (a PDF) are passed as they are.
     */
    static String body(byte[] bytes, String contentType) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            return text;
        }
        try {
            return JSON.writeValueAsString(withoutNulls(JSON.readTree(text)));
        } catch (IOException notJson) {
            // The validator reports it as a body that does not parse, with its own message.
            return text;
        }
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getValue().isNull()) {
                    it.remove();
                } else {
                    withoutNulls(member.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ServiceContract::withoutNulls);
        }
        return node;
    }

    private List<String> describe(Call call, String what, ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "docs/api/%s.json, %s, %s %s%s: %s%s: [%s] %s%s".formatted(service, operation(m),
                        call.method(), call.path(), call.rawQuery() == null ? "" : "?" + call.rawQuery(), what,
                        where(m), m.getKey(), m.getMessage().replace('\n', ' '),
                        m.getAdditionalInfo().isEmpty() ? "" : " (" + String.join("; ", m.getAdditionalInfo()) + ")"))
                .collect(Collectors.toList());
    }

    private static String operation(ValidationReport.Message message) {
        return message.getContext().flatMap(ValidationReport.MessageContext::getApiOperation)
                .map(op -> Optional.ofNullable(op.getOperation().getOperationId())
                        .orElse(op.getMethod() + " " + op.getApiPath().original()))
                .map(id -> "operation " + id).orElse("no operation");
    }

    /** The parameter, the member of the body (a JSON pointer) or the security scheme the message is about. */
    private static String where(ValidationReport.Message message) {
        Optional<ValidationReport.MessageContext> context = message.getContext();
        Optional<String> parameter = context.flatMap(ValidationReport.MessageContext::getParameter)
                .map(p -> " " + p.getIn() + " parameter '" + p.getName() + "'");
        Optional<String> member = context.flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance).filter(p -> !p.isEmpty())
                .map(p -> " body member " + p);
        Optional<String> scheme = message.getKey().startsWith("validation.request.security")
                ? context.flatMap(ValidationReport.MessageContext::getApiOperation)
                .map(op -> op.getOperation().getSecurity()).map(requirements -> " security "
                        + requirements.stream().flatMap(r -> r.keySet().stream()).toList())
                : Optional.empty();
        return parameter.or(() -> member).or(() -> scheme).orElse("");
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** docs/api from this module's directory (where the tests run) or any directory above it. */
    private static Path document(String service) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs/api/" + service + ".json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/api/" + service + ".json not found above " + Path.of("").toAbsolutePath());
    }
}
