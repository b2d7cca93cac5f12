package itu.wsis.web.contract;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import java.util.List;

/**
 * Fails the {@code @QuarkusTest} method during which a fake service was sent a request, or gave an answer, that its
 * published contract does not allow. Registered once for the module (META-INF/services), so no test can forget it.
 */
public class FailOnContractViolations implements QuarkusTestAfterEachCallback {

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        List<String> violations = ContractViolations.drain();
        if (!violations.isEmpty()) {
            throw new AssertionError(message(violations));
        }
    }

    static String message(List<String> violations) {
        return violations.size() + " violation(s) of the services' published contracts (docs/api) by a call to the "
                + "fake services: fix the fake or invitee-web's client, or report the service's document:\n  - "
                + String.join("\n  - ", violations);
    }
}
