package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.contracts.NodeTools;
import itu.wsis.contracts.OpenApiContract;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document keeps the platform's contract and matches docs/api/speaking-request-service.json. */
@QuarkusTest
@SpeakingRequestServiceTest
class OpenApiContractTest {

    @Test
    void servedDocumentKeepsTheContract() {
        String served = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        OpenApiContract.verify("speaking-request-service", served);
    }

    @Test
    void servesTheAsyncApiDocumentOfTheTopics() throws Exception {
        String served = given().get("/asyncapi.yaml").then().statusCode(200).extract().asString();
        assertThat(served).isEqualTo(Files.readString(NodeTools.root().resolve("docs/asyncapi.yaml")));
    }
}
