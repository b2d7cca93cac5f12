package itu.wsis.localstack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker JVM that {@link KafkaBrokerProcess} spawns; not meant to be run by hand.
 * <p>
 * It is {@code kafka.Kafka} plus a watchdog: the parent keeps our stdin open as a pipe, and the kernel closes
 * that pipe whenever the parent dies, even by SIGKILL. Reading EOF then means "orphaned", and we exit
 * (System.exit runs Kafka's own shutdown hook, a clean stop). Without this a killed test JVM would leave a
 * broker holding its ports.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // The parent never writes; anything read is ignored.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as EOF.
            }
            System.err.println("KafkaBrokerMain: parent process gone (stdin closed), stopping the broker");
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }
}
