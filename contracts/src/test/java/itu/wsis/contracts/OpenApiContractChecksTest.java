package itu.wsis.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every service's contract test relies on really catch what they are for. */
class OpenApiContractChecksTest {

    static JsonNode committed(String service) throws Exception {
        return OpenApiContract.parse(Files.readString(OpenApiContract.apiDir().resolve(service + ".json")), service);
    }

    @Test
    void theCommittedDocumentsPassTheStructuralChecks() throws Exception {
        for (String service : List.of("invitation-service", "registration-service", "speaking-request-service",
                "notification-service")) {
            assertThat(OpenApiContract.structure(service, committed(service))).as(service).isEmpty();
        }
    }

    @Test
    void aMissingIdAnUntypedSuccessAndAPlainErrorAreReportedWithWhatToAdd() throws Exception {
        ObjectNode doc = (ObjectNode) committed("registration-service").deepCopy();
        ObjectNode accept = (ObjectNode) doc.at("/paths/~1invitations~1{invitationId}~1accept/post");
        accept.remove("operationId");
        ((ObjectNode) accept.at("/responses/201")).remove("content");
        ((ObjectNode) accept.at("/responses/409")).remove("content");
        ((ObjectNode) accept.at("/responses")).remove("410");
        ((ObjectNode) accept.at("/responses")).remove("404");
        List<String> failures = OpenApiContract.structure("registration-service", doc);
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("POST /invitations/{invitationId}/accept")
                .contains("has no operationId").contains("@Operation(operationId"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("answers 201 without a typed schema"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("answers 409 without an application/problem+json"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("does not document 404"));
    }

    @Test
    void aVagueSummaryAndAMissingExampleAreReported() throws Exception {
        ObjectNode doc = (ObjectNode) committed("invitation-service").deepCopy();
        ObjectNode create = (ObjectNode) doc.at("/paths/~1forums/post");
        create.put("summary", "Create");
        ((ObjectNode) create.at("/requestBody/content/application~1json")).remove("example");
        List<String> failures = OpenApiContract.structure("invitation-service", doc);
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("createForum").contains("says too little"));
        assertThat(failures).anySatisfy(f -> assertThat(f)
                .contains("add src/main/resources/openapi-examples/createForum.json"));
    }

    @Test
    void changingAResponseMembersTypeIsBreakingAndAddingAnOptionalMemberIsNot() throws Exception {
        // openapi-diff reads no schema of a 3.1 document: both sides go through OpenApi30, or neither change is seen.
        JsonNode before = committed("registration-service");
        ObjectNode retyped = (ObjectNode) before.deepCopy();
        ((ObjectNode) retyped.at("/components/schemas/InvitationResponse/properties/deadlinePassed")).put("type", "string");
        assertThat(OpenApiContract.diff(before, retyped).isIncompatible()).isTrue();

        ObjectNode grown = (ObjectNode) before.deepCopy();
        ((ObjectNode) grown.at("/components/schemas/InvitationResponse/properties")).putObject("remindersSent")
                .put("type", "integer");
        assertThat(OpenApiContract.diff(before, grown).isIncompatible()).isFalse();
        assertThat(OpenApiContract.diff(before, grown).isUnchanged()).isFalse();
    }

    @Test
    void removingAnOperationIsBreakingAndAddingOneIsNot() throws Exception {
        JsonNode before = committed("notification-service");
        ObjectNode without = (ObjectNode) before.deepCopy();
        ((ObjectNode) without.get("paths")).remove("/ops/notifications/{id}/resend");
        assertThat(OpenApiContract.diff(before, without).isIncompatible()).isTrue();
        assertThat(OpenApiContract.diff(without, before).isIncompatible()).isFalse();
        assertThat(OpenApiContract.diff(before, before).isUnchanged()).isTrue();
    }
}
