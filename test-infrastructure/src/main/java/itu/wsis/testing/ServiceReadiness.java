package itu.wsis.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What every service must serve: readiness over its database and Kafka, its OpenAPI and Swagger UI. */
public abstract class ServiceReadiness {

    private final String serviceName;

    protected ServiceReadiness(String serviceName) {
        this.serviceName = serviceName;
    }

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void publishesItsOpenApiAndSwaggerUi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("WSIS " + serviceName));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
