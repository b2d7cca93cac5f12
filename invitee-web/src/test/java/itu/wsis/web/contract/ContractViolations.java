package itu.wsis.web.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Violations of the services' contracts seen by the fakes since the last {@link #drain()}. */
public final class ContractViolations {

    private static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    private ContractViolations() {
    }

    static void record(List<String> violations) {
        SEEN.addAll(violations);
    }

    /** What was recorded, oldest first, and forgotten. */
    public static List<String> drain() {
        List<String> drained = new ArrayList<>();
        for (String violation; (violation = SEEN.poll()) != null; ) {
            drained.add(violation);
        }
        return drained;
    }
}
