package itu.wsis.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * Entry point of the broker JVM that {@link KafkaBrokerProcess} spawns; not meant to be run by hand.
 * <p>
 * It is {@code kafka.Kafka} plus a watchdog: the parent keeps our stdin open as a pipe, and the kernel closes
 * that pipe whenever the parent dies, even by SIGKILL. Reading EOF then means "orphaned", and we exit
 * (System.exit runs Kafka's own shutdown hook, a clean stop). Without this a killed test JVM would leave a
 * broker holding its ports.
 * <p>
 * Arguments: the broker's {@code server.properties}, the file to create once the broker answers its clients, then
 * {@code --format} when its storage has never been formatted: Kafka's storage tool formats it here, in the broker's
 * JVM, before the broker starts.
 * <p>
 * The broker says itself when it is ready, through that file: the same check a client makes (the cluster described
 * with at least one node), from this JVM, whose Kafka classes are loaded anyway. The parent then needs no Kafka client
 * of its own; in {@code ./wsis up} that client cost its launcher about 0.7 s of CPU on a machine whose two cores the
 * whole start keeps busy.
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
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !FORMAT.equals(args[2]))) {
            System.err.println("KafkaBrokerMain: unexpected arguments " + Arrays.toString(args));
            System.exit(2);
        }
        String serverProperties = args[0];
        Path readyFile = Path.of(args[1]);
        if (args.length == 3) {
            int exit = kafka.tools.StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", serverProperties}, System.out);
            if (exit != 0) {
                System.err.println("KafkaBrokerMain: formatting the storage failed (exit " + exit + ")");
                System.exit(exit);
            }
        }
        Thread probe = new Thread(() -> reportWhenReady(serverProperties, readyFile), "readiness-probe");
        probe.setDaemon(true);
        probe.start();
        kafka.Kafka.main(new String[] {serverProperties});
    }

    /** Creates {@code readyFile} once a client on the broker's own listener sees the cluster with a node in it. */
    private static void reportWhenReady(String serverProperties, Path readyFile) {
        Properties cfg = new Properties();
        cfg.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(serverProperties));
        cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        cfg.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        try (Admin admin = Admin.create(cfg)) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                            .get(4, TimeUnit.SECONDS).isEmpty()) {
                        break;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception notYet) {
                    // Not listening yet, or no node registered yet: ask again.
                }
                Thread.sleep(100);
            }
            Path partial = readyFile.resolveSibling(readyFile.getFileName() + ".partial");
            Files.writeString(partial, ProcessHandle.current().pid() + "\n");
            Files.move(partial, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The parent times out and reports the broker's log; say here why it will.
            System.err.println("KafkaBrokerMain: could not report readiness: " + e);
        }
    }

    /** The PLAINTEXT listener's address, which the parent wrote into the broker's properties. */
    private static String bootstrapServers(String serverProperties) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(serverProperties))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("advertised.listeners").replaceFirst("^PLAINTEXT://", "");
    }
}
