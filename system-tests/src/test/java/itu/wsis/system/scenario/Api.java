package itu.wsis.system.scenario;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import itu.wsis.system.SystemStack;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The staff and invitee calls of the scenario, over HTTP against the services' processes. */
public final class Api {

    public static final String INVITATION = "invitation-service";
    public static final String REGISTRATION = "registration-service";
    public static final String SPEAKING = "speaking-request-service";
    public static final String NOTIFICATION = "notification-service";

    private final SystemStack stack;
    private final String secretariat;
    private final String ops;

    public Api(SystemStack stack) {
        this.stack = stack;
        this.secretariat = stack.tokens().issue("secretariat");
        this.ops = stack.tokens().issue("ops");
    }

    public RequestSpecification at(String service) {
        return given().baseUri(stack.service(service).baseUrl());
    }

    public RequestSpecification secretariat(String service) {
        return at(service).auth().oauth2(secretariat).contentType(ContentType.JSON);
    }

    public RequestSpecification ops(String service) {
        return at(service).auth().oauth2(ops).contentType(ContentType.JSON);
    }

    public RequestSpecification invitee(String service, String token) {
        return at(service).header("WSIS-Personal-Link", token).contentType(ContentType.JSON);
    }

    public Response accept(UUID invitationId, String token, String body) {
        return invitee(REGISTRATION, token).body(body).post("/invitations/" + invitationId + "/accept");
    }

    public Response decline(UUID invitationId, String token, String reason) {
        return invitee(REGISTRATION, token).body("{\"reason\":\"" + reason + "\"}")
                .post("/invitations/" + invitationId + "/decline");
    }

    public Response correspondence(UUID invitationId, String body) {
        return secretariat(REGISTRATION).body(body)
                .post("/staff/invitations/" + invitationId + "/replies/correspondence");
    }

    public Response requestSpeakingTime(UUID invitationId, String token, String body) {
        return invitee(SPEAKING, token).body(body).post("/invitations/" + invitationId + "/speaking-request");
    }

    public Response withdrawSpeakingRequest(UUID invitationId, String token) {
        return invitee(SPEAKING, token).delete("/invitations/" + invitationId + "/speaking-request");
    }

    public Instant clock(String service) {
        return Instant.parse(ops(service).get("/ops/clock").then().statusCode(200).extract().path("now"));
    }

    /** Moves one service's business clock forward to {@code target}; a clock already there is left alone. */
    public void advanceTo(String service, Instant target) {
        Duration by = Duration.between(clock(service), target);
        if (!by.isNegative() && !by.isZero()) {
            ops(service).post("/ops/clock/advance?by=" + by).then().statusCode(200);
        }
    }

    /** One business time for all four services (each keeps its own clock, started when its process started). */
    public void advanceAllTo(Instant target) {
        for (String service : SystemStack.SERVICES) {
            advanceTo(service, target);
        }
    }

    /**
     * A restarted service starts its clock again from the local profile's start date: bring it to the others' time
     * before it takes decisions with it.
     */
    public void alignClock(String restarted) {
        String reference = INVITATION.equals(restarted) ? REGISTRATION : INVITATION;
        advanceTo(restarted, clock(reference));
    }

    public int sweepReminders() {
        return ops(NOTIFICATION).post("/ops/notifications/reminders/sweep").then().statusCode(200)
                .extract().path("created");
    }
}
