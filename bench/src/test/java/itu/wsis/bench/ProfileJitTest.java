package itu.wsis.bench;

import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile summary reports what the JIT did during a recording, from a real recording of this JVM. */
class ProfileJitTest {

    private static volatile long result;

    @Test
    void theSummaryListsTheJitCompilationsOfTheRecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jit.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
            recording.enable("jdk.Deoptimization");
            recording.start();
            long sum = 0;
            for (int i = 0; i < 2_000_000; i++) {
                sum += hot(i);
            }
            // Kept, so that the JIT cannot drop the loop as dead code.
            result = sum;
            recording.stop();
            recording.dump(file);
        }

        String text = Profile.read(file).text();

        assertThat(text).containsPattern("JIT: [1-9]\\d* compilations recorded");
        // wall time, tier, and the compiled method as class.method
        assertThat(text).containsPattern("(?m)^ +\\d+ ms  level [1-4](?: \\(OSR\\))?  [\\w.$]+\\.[\\w$<>]+$");
    }

    private static long hot(int i) {
        return (i * 31L) ^ (i >>> 3);
    }
}
