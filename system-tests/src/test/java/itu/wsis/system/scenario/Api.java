package itu.wsis.system.scenario;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import itu.wsis.system.ServiceProcess;
import itu.wsis.system.SystemStack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The staff and invitee calls of the scenario, over HTTP against the services' processes. */
public final class Api {

    public static final String INVITATION = "invitation-service";
    public static final String REGISTRATION = "registration-service";
    public static final String SPEAKING = "speaking-request-service";
    public static final String NOTIFICATION = "notification-service";

    /** How far apart the services' business times may be (issue #13: "the same business time, within 1 s"). */
    public static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(1);

    private final SystemStack stack;
    private final String secretariat;
    private final String ops;

    public Api(SystemStack stack) {
        this.stack = stack;
        this.secretariat = stack.tokens().issue("secretariat");
        this.ops = stack.tokens().issue("ops");
    }

    /** A running instance of {@code service}, taken in turn when it has several (a load balancer's view). */
    public RequestSpecification at(String service) {
        return at(stack.pick(service));
    }

    public RequestSpecification at(ServiceProcess instance) {
        return given().baseUri(instance.baseUrl());
    }

    public RequestSpecification secretariat(ServiceProcess instance) {
        return at(instance).auth().oauth2(secretariat).contentType(ContentType.JSON);
    }

    public RequestSpecification ops(ServiceProcess instance) {
        return at(instance).auth().oauth2(ops).contentType(ContentType.JSON);
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
        return clock(stack.pick(service));
    }

    public Instant clock(ServiceProcess instance) {
        return Instant.parse(ops(instance).get("/ops/clock").then().statusCode(200).extract().path("now"));
    }

    /**
     * How far an instance's business time is ahead of the wall clock, read over HTTP: its business time minus the
     * midpoint of the request, from the fastest of three requests. The error is at most half that request's round
     * trip, which {@link ClockReading#uncertainty()} gives.
     */
    public ClockReading readClock(ServiceProcess instance) {
        ClockReading best = null;
        for (int i = 0; i < 3; i++) {
            long before = System.currentTimeMillis();
            Instant business = clock(instance);
            long after = System.currentTimeMillis();
            Instant midpoint = Instant.ofEpochMilli(before + (after - before) / 2);
            ClockReading reading = new ClockReading(instance.id(), business, Duration.between(midpoint, business),
                    Duration.ofMillis((after - before + 1) / 2));
            if (best == null || reading.uncertainty().compareTo(best.uncertainty()) < 0) {
                best = reading;
            }
        }
        return best;
    }

    /** One instance's business time, and its shift from the wall clock. */
    public record ClockReading(String instance, Instant businessTime, Duration shift, Duration uncertainty) {
    }

    /** The business time of every running instance of the four services. */
    public List<ClockReading> readAllClocks() {
        List<ClockReading> readings = new ArrayList<>();
        for (String service : SystemStack.SERVICES) {
            for (ServiceProcess instance : stack.instances(service)) {
                if (instance.isAlive()) {
                    readings.add(readClock(instance));
                }
            }
        }
        return readings;
    }

    /** The largest difference between two readings' shifts: how far apart the services' business times are. */
    public static Duration spread(List<ClockReading> readings) {
        Duration min = readings.stream().map(ClockReading::shift).min(Duration::compareTo).orElseThrow();
        Duration max = readings.stream().map(ClockReading::shift).max(Duration::compareTo).orElseThrow();
        return max.minus(min);
    }

    /**
     * Every service reads the same business time, within {@link #CLOCK_TOLERANCE}: asserted on one sample of all
     * running instances.
     */
    public List<ClockReading> assertOneBusinessTime(String when) {
        List<ClockReading> readings = readAllClocks();
        assertThat(spread(readings)).as("spread of the business clocks %s: %s", when, readings)
                .isLessThanOrEqualTo(CLOCK_TOLERANCE);
        return readings;
    }

    /**
     * Moves the one business clock of the stack forward to {@code target}: a single move on one service (the clock is
     * shared, so moving it on each would move it several times), then waits until every running instance reads the
     * same time again, within 1 s, at or past {@code target}. A clock already there is left alone.
     */
    public void advanceAllTo(Instant target) {
        ServiceProcess mover = stack.pick(NOTIFICATION);
        Duration by = Duration.between(clock(mover), target);
        if (!by.isNegative() && !by.isZero()) {
            ops(mover).post("/ops/clock/advance?by=" + by).then().statusCode(200);
        }
        List<List<ClockReading>> last = new ArrayList<>(List.of(List.of()));
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<ClockReading> readings = readAllClocks();
                last.set(0, readings);
                return spread(readings).compareTo(CLOCK_TOLERANCE) <= 0
                        && readings.stream().noneMatch(r -> r.businessTime().isBefore(target));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the services do not read one business time at or past " + target
                    + " 15 s after it was moved on " + mover.id() + ": " + last.get(0), e);
        }
    }

    /**
     * A restarted instance comes back at the shared business time, not at the profile's start date: it reads the same
     * time as the others, within 1 s, as soon as it is ready.
     */
    public void assertBackAtSharedTime(ServiceProcess restarted) {
        ClockReading own = readClock(restarted);
        List<ClockReading> others = readAllClocks().stream()
                .filter(r -> !r.instance().equals(restarted.id())).toList();
        List<ClockReading> all = new ArrayList<>(others);
        all.add(own);
        assertThat(spread(all)).as("%s restarted at %s while the others read %s", restarted.id(),
                own.businessTime(), others).isLessThanOrEqualTo(CLOCK_TOLERANCE);
    }

    /**
     * The reminder sweep on every running instance of notification-service at once, as their schedules may run it
     * together; returns the intents created by all of them.
     */
    public int sweepReminders() {
        List<ServiceProcess> running = stack.instances(NOTIFICATION).stream().filter(ServiceProcess::isAlive).toList();
        List<CompletableFuture<Integer>> sweeps = running.stream()
                .map(instance -> CompletableFuture.supplyAsync(() -> sweepReminders(instance)))
                .toList();
        return sweeps.stream().mapToInt(CompletableFuture::join).sum();
    }

    public int sweepReminders(ServiceProcess instance) {
        return ops(instance).post("/ops/notifications/reminders/sweep").then().statusCode(200)
                .extract().path("created");
    }
}
