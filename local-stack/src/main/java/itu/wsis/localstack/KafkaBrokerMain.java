package itu.wsis.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Entry point of the broker JVM that {@link KafkaBrokerProcess} spawns; not meant to be run by hand.
 * <p>
 * It is {@code kafka.Kafka} plus a watchdog: the parent keeps our stdin open as a pipe, and the kernel closes
 * that pipe whenever the parent dies, even by SIGKILL. Reading EOF then means "orphaned", and we exit
 * (System.exit runs Kafka's own shutdown hook, a clean stop). Without this a killed test JVM would leave a
 * broker holding its ports.
 * <p>
 * Arguments: the broker's {@code server.properties}, then {@code --format <cluster id>} when its storage has never
 * been formatted: Kafka's storage tool formats it here, in the broker's JVM, before the broker starts.
 */
public final class KafkaBrokerMain {

    static final String FORMAT = "--format";

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
        String serverProperties = args[0];
        if (args.length == 3 && FORMAT.equals(args[1])) {
            int exit = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", args[2], "-c", serverProperties}, System.out);
            if (exit != 0) {
                System.err.println("KafkaBrokerMain: formatting the storage failed (exit " + exit + ")");
                System.exit(exit);
            }
        } else if (args.length != 1) {
            System.err.println("KafkaBrokerMain: unexpected arguments " + Arrays.toString(args));
            System.exit(2);
        }
        kafka.Kafka.main(new String[] {serverProperties});
    }
}
