package itu.wsis.system.scenario;

import itu.wsis.localstack.EmbeddedPostgresServer;
import itu.wsis.system.SystemStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL on a service's own database, for the checks the APIs do not expose (uniqueness, capacity), and for the test's
 * own connections that hold locks in a fault.
 */
public final class Sql {

    private final SystemStack stack;

    public Sql(SystemStack stack) {
        this.stack = stack;
    }

    /**
     * A connection of the test's own, e.g. to hold row locks the way a stuck transaction would; the caller closes
     * it.
     */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    public List<Map<String, Object>> rows(String database, String sql, Object... args) {
        try (Connection c = connect(database);
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql, e);
        }
    }

    public long count(String database, String sql, Object... args) {
        return ((Number) rows(database, sql, args).get(0).values().iterator().next()).longValue();
    }
}
