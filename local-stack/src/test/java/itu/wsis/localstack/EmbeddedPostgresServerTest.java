package itu.wsis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    @Test
    void createsTheServiceDatabasesAndKeepsDataAcrossRestarts() throws Exception {
        Path dir = Path.of("target", "pg-test-" + UUID.randomUUID());
        Path data = dir.resolve("data");
        Path work = dir.resolve("work");
        int port = FreePorts.next();

        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, port, work)) {
            try (Connection c = connect(pg, "invitation"); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT 1")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                s.execute("CREATE TABLE kept (id int)");
            }
            assertThat(databases(pg)).containsAll(EmbeddedPostgresServer.DATABASES);
        }

        // Same data directory again: nothing re-created, the table is still there.
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, port, work);
             Connection c = connect(pg, "invitation"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
            assertThat(rs.next()).isTrue();
        }
    }

    private static Connection connect(EmbeddedPostgresServer pg, String db) throws Exception {
        return DriverManager.getConnection(pg.jdbcUrl(db), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    private static List<String> databases(EmbeddedPostgresServer pg) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(pg, "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
