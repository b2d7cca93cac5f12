package itu.wsis.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL server per test JVM, chosen in this order:
 * <ol>
 *     <li>an existing server, when {@code WSIS_TEST_PG_HOST} is set (with {@code WSIS_TEST_PG_PORT},
 *     {@code WSIS_TEST_PG_USER}, {@code WSIS_TEST_PG_PASSWORD});</li>
 *     <li>Testcontainers' PostgreSQL 15, when {@code -Dwsis.test.infra=testcontainers} and a Docker engine exists;</li>
 *     <li>otherwise an embedded PostgreSQL 15 (zonky), started here and stopped when the JVM exits.</li>
 * </ol>
 * Each service gets its own database on it.
 */
public final class TestPostgres {

    public record Server(String host, int port, String user, String password, String origin) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public String reactiveUrl(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private static Server server;

    private TestPostgres() {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** Creates {@code database} if it does not exist yet and returns the server that holds it. */
    public static synchronized Server database(String database) {
        Server s = server();
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + database);
        }
        try (Connection connection = DriverManager.getConnection(s.jdbcUrl("postgres"), s.user(), s.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database + " on " + s.origin(), e);
        }
        return s;
    }

    /** A single number straight from {@code database}, bypassing the application under test. */
    public static long queryLong(String database, String sql, Object... params) {
        return querySingle(database, sql, rs -> rs.getLong(1), params);
    }

    /** A single value as text (null for SQL null), straight from {@code database}. */
    public static String queryString(String database, String sql, Object... params) {
        return querySingle(database, sql, rs -> rs.getString(1), params);
    }

    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> T querySingle(String database, String sql, Column<T> column, Object... params) {
        Server s = server();
        try (Connection connection = DriverManager.getConnection(s.jdbcUrl(database), s.user(), s.password());
             java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row from: " + sql);
                }
                return column.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Runs a statement on {@code database}, for test set-up that has no API. */
    public static int execute(String database, String sql, Object... params) {
        Server s = server();
        try (Connection connection = DriverManager.getConnection(s.jdbcUrl(database), s.user(), s.password());
             java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    private static Server start() {
        String host = System.getenv("WSIS_TEST_PG_HOST");
        if (host != null && !host.isBlank()) {
            return new Server(host, Integer.parseInt(env("WSIS_TEST_PG_PORT", "5432")),
                    env("WSIS_TEST_PG_USER", "postgres"), env("WSIS_TEST_PG_PASSWORD", "postgres"),
                    "existing server " + host);
        }
        if (Infra.testcontainersChosen()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres"));
            return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword(), "Testcontainers");
        }
        try {
            // A fresh directory each time: a @TestProfile restart reloads this class and starts another server.
            Path dir = java.nio.file.Files.createTempDirectory(Infra.workDir(), "postgres-");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir.toFile())
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            // zonky's postgres is a child process: without this it would outlive the test JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (Exception ignored) {
                    // the JVM is exiting; nothing more can be done
                }
            }, "stop-test-postgres"));
            return new Server("localhost", postgres.getPort(), "postgres", "postgres", "embedded PostgreSQL");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
