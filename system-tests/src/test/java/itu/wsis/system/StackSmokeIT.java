package itu.wsis.system;

import itu.wsis.system.scenario.Api;
import itu.wsis.system.scenario.Api.ClockReading;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static itu.wsis.system.scenario.Api.CLOCK_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The harness itself and the one business clock (issue #13): four services up on real infrastructure read the same
 * business time within 1 s; a move on one moves all, once; a service SIGKILLed and restarted comes back at the shared
 * time, not at the local profile's start date.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackSmokeIT {

    /** The local profile's business clock starts at the letter's date (wsis.clock.start). */
    static final Instant PROFILE_START = Instant.parse("2022-03-21T08:00:00Z");

    static SystemStack stack;
    static Api api;

    @BeforeAll
    static void start() {
        stack = SystemStack.start(Map.of());
        api = new Api(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theFourServicesReadOneBusinessTime() {
        List<ClockReading> readings = api.assertOneBusinessTime("after the start");
        assertThat(readings).hasSize(SystemStack.SERVICES.size());
        // The stack started minutes ago at the letter's date; none of them has its own start any more.
        for (ClockReading reading : readings) {
            assertThat(reading.businessTime()).as(reading.instance())
                    .isAfterOrEqualTo(PROFILE_START).isBefore(PROFILE_START.plus(Duration.ofHours(1)));
        }
    }

    /**
     * Issue #14: outside the dev and test profiles (here: local, as compose runs it) a service refuses to start with
     * a key that was once committed to the repository. The two public keys are in this module's test resources.
     */
    @Test
    @Order(4)
    void aServiceRefusesToStartWithAFormerlyCommittedKey() throws Exception {
        Path former = Files.createTempDirectory(stack.runDir(), "former-keys");
        for (String key : new String[] {"link-signing-public-key.pem", "jwt-public-key.pem"}) {
            try (var in = StackSmokeIT.class.getResourceAsStream("/formerly-committed-keys/" + key)) {
                Files.write(former.resolve(key), in.readAllBytes());
            }
        }
        ServiceProcess refused = stack.anotherInstance("speaking-request-service", Map.of(
                "WSIS_LINK_PUBLIC_KEY_LOCATION", former.resolve("link-signing-public-key.pem").toString()));
        refused.start();
        OptionalInt exit = refused.awaitExit(Duration.ofSeconds(120));
        assertThat(exit).as(refused.logText()).isPresent();
        assertThat(exit.getAsInt()).isNotZero();
        assertThat(refused.logText()).contains("Refusing to start with a development key")
                .contains("wsis.links.public-key-location").contains("former personal-link public key");

        ServiceProcess jwt = stack.anotherInstance("invitation-service", Map.of(
                "WSIS_JWT_PUBLIC_KEY_LOCATION", former.resolve("jwt-public-key.pem").toString()));
        jwt.start();
        OptionalInt jwtExit = jwt.awaitExit(Duration.ofSeconds(120));
        assertThat(jwtExit).as(jwt.logText()).isPresent();
        assertThat(jwt.logText()).contains("Refusing to start with a development key").contains("former staff JWT public key");
    }

    @Test
    @Order(2)
    void aMoveOnOneServiceMovesAllOfThemOnce() {
        List<ClockReading> before = api.readAllClocks();
        ServiceProcess registration = stack.service("registration-service");
        api.ops(registration).post("/ops/clock/advance?by=P2D").then().statusCode(200);

        // Every service follows the move within a moment, by the shared record, without being asked.
        List<ClockReading> after = awaitAllShifted(before, Duration.ofDays(2), Duration.ofSeconds(10));
        api.assertOneBusinessTime("after a move of two days on registration-service");
        for (ClockReading reading : after) {
            ClockReading earlier = before.stream().filter(r -> r.instance().equals(reading.instance()))
                    .findFirst().orElseThrow();
            // Two days once, not two days per service that heard of it.
            assertThat(reading.shift().minus(earlier.shift())).as("how far %s moved", reading.instance())
                    .isBetween(Duration.ofDays(2).minus(CLOCK_TOLERANCE), Duration.ofDays(2).plus(CLOCK_TOLERANCE));
        }
    }

    @Test
    @Order(3)
    void aServiceKilledWithSigkillComesBackAtTheSharedTime() {
        ServiceProcess notification = stack.service("notification-service");
        Instant shared = api.clock(stack.service("invitation-service"));
        assertThat(shared).as("the clock was moved past the profile's start")
                .isAfter(PROFILE_START.plus(Duration.ofDays(2)));

        notification.kill();
        assertThat(notification.ready()).isFalse();
        notification.start();
        notification.awaitReady(Duration.ofSeconds(120));

        // At once, without any move: it read the shared clock before it said it was ready.
        api.assertBackAtSharedTime(notification);
        assertThat(api.clock(notification)).isAfter(PROFILE_START.plus(Duration.ofDays(2)));
    }

    private static List<ClockReading> awaitAllShifted(List<ClockReading> before, Duration by, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .alias("every service moved by " + by + " from " + before)
                .until(api::readAllClocks, now -> now.stream().allMatch(r -> before.stream()
                        .filter(b -> b.instance().equals(r.instance()))
                        .allMatch(b -> r.shift().minus(b.shift()).compareTo(by.minus(CLOCK_TOLERANCE)) >= 0)));
    }
}
