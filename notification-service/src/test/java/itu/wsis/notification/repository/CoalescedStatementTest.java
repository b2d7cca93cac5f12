package itu.wsis.notification.repository;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group commit of the sender's statements: requests made while a statement runs wait for it and go together in the
 * next, each gets its own answer, and a failed statement fails exactly its own requests. The statements here answer
 * when the test says so; DeliveryRepository's real ones are tested against PostgreSQL in ClaimLeaseTest.
 */
class CoalescedStatementTest {

    private final List<List<Integer>> statementsRun = new ArrayList<>();
    private final List<UniEmitter<? super List<String>>> running = new ArrayList<>();
    private final DistributionSummary requestsPerStatement = new SimpleMeterRegistry().summary("requests");

    private CoalescedStatement<Integer, String> coalesced(int most) {
        return new CoalescedStatement<>(most, requests -> Uni.createFrom().emitter(emitter -> {
            statementsRun.add(List.copyOf(requests));
            running.add(emitter);
        }), requestsPerStatement);
    }

    private static UniAssertSubscriber<String> submit(CoalescedStatement<Integer, String> statement, int request) {
        return statement.submit(request, null).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void aLoneRequestGoesAtOnceAndTheOnesMadeMeanwhileGoTogetherInTheNextStatement() {
        CoalescedStatement<Integer, String> statement = coalesced(64);

        UniAssertSubscriber<String> one = submit(statement, 1);
        UniAssertSubscriber<String> two = submit(statement, 2);
        UniAssertSubscriber<String> three = submit(statement, 3);

        assertThat(statementsRun).containsExactly(List.of(1));
        running.get(0).complete(List.of("one"));
        one.assertItem("one");
        assertThat(statementsRun).containsExactly(List.of(1), List.of(2, 3));
        two.assertNotTerminated();
        running.get(1).complete(List.of("two", "three"));
        two.assertItem("two");
        three.assertItem("three");
        assertThat(requestsPerStatement.count()).isEqualTo(2);
        assertThat(requestsPerStatement.totalAmount()).isEqualTo(3);
    }

    @Test
    void aStatementTakesAtMostItsShareAndTheRestGoInTheNext() {
        CoalescedStatement<Integer, String> statement = coalesced(2);
        for (int i = 1; i <= 5; i++) {
            submit(statement, i);
        }

        running.get(0).complete(List.of("1"));
        running.get(1).complete(List.of("2", "3"));

        assertThat(statementsRun).containsExactly(List.of(1), List.of(2, 3), List.of(4, 5));
    }

    @Test
    void aFailedStatementFailsItsOwnRequestsOnlyAndTheNextStillGoes() {
        CoalescedStatement<Integer, String> statement = coalesced(64);
        UniAssertSubscriber<String> one = submit(statement, 1);
        UniAssertSubscriber<String> two = submit(statement, 2);
        UniAssertSubscriber<String> three = submit(statement, 3);

        running.get(0).fail(new IllegalStateException("connection lost"));
        running.get(1).complete(List.of("two", "three"));

        one.assertFailedWith(IllegalStateException.class, "connection lost");
        two.assertItem("two");
        three.assertItem("three");
    }

    @Test
    void aStatementThatGivesTheWrongNumberOfAnswersFailsEveryRequestOfItsBatch() {
        CoalescedStatement<Integer, String> statement = coalesced(64);
        UniAssertSubscriber<String> one = submit(statement, 1);
        UniAssertSubscriber<String> two = submit(statement, 2);
        UniAssertSubscriber<String> three = submit(statement, 3);
        running.get(0).complete(List.of("one"));

        running.get(1).complete(List.of("two"));

        one.assertItem("one");
        two.assertFailedWith(IllegalStateException.class, "gave 1 answers to 2 requests");
        three.assertFailedWith(IllegalStateException.class, "gave 1 answers to 2 requests");
    }

    @Test
    void aStatementThatThrowsInsteadOfFailingFailsItsRequestsAndLeavesTheNextFree() {
        List<Integer> seen = new ArrayList<>();
        CoalescedStatement<Integer, String> statement = new CoalescedStatement<>(64, requests -> {
            seen.addAll(requests);
            if (requests.contains(1)) {
                throw new IllegalArgumentException("cannot bind");
            }
            return Uni.createFrom().item(requests.stream().map(String::valueOf).toList());
        }, requestsPerStatement);

        UniAssertSubscriber<String> one = submit(statement, 1);
        UniAssertSubscriber<String> two = submit(statement, 2);

        one.assertFailedWith(IllegalArgumentException.class, "cannot bind");
        two.assertItem("2");
        assertThat(seen).containsExactly(1, 2);
    }
}
