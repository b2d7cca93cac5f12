package itu.wsis.support.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named SQL statements kept in a classpath resource, so that a hot path's statements have one home that the code
 * runs, the bench replays and the docs point to. A statement starts at a {@code -- name: <name>} line and ends at
 * the next one; whole-line {@code --} comments are dropped, and so is the final semicolon (the reactive client
 * prepares one statement at a time). Read once, at class initialisation of its user: a missing file or name fails
 * the service's start, not a request.
 */
public final class SqlFile {

    private static final Pattern NAME = Pattern.compile("^--\\s*name:\\s*(\\S+)\\s*$");

    private final String resource;
    private final Map<String, String> statements;

    private SqlFile(String resource, Map<String, String> statements) {
        this.resource = resource;
        this.statements = statements;
    }

    public static SqlFile load(String resource) {
        try (InputStream in = open(resource)) {
            if (in == null) {
                throw new IllegalStateException("no SQL resource " + resource + " on the classpath");
            }
            return new SqlFile(resource, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resource, e);
        }
    }

    /** The service's own resources come first: under Quarkus they are on the context class loader. */
    private static InputStream open(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(resource);
        return in != null ? in : SqlFile.class.getClassLoader().getResourceAsStream(resource);
    }

    static Map<String, String> parse(String text) {
        Map<String, String> statements = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            Matcher m = NAME.matcher(line);
            if (m.matches()) {
                put(statements, name, body);
                name = m.group(1);
                body.setLength(0);
            } else if (name != null && !line.strip().startsWith("--") && !line.isBlank()) {
                body.append(line).append('\n');
            }
        }
        put(statements, name, body);
        return Map.copyOf(statements);
    }

    private static void put(Map<String, String> statements, String name, StringBuilder body) {
        if (name == null) {
            return;
        }
        String sql = body.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).stripTrailing();
        }
        if (sql.isEmpty() || sql.contains(";")) {
            throw new IllegalStateException("statement '" + name + "' must be exactly one statement");
        }
        if (statements.putIfAbsent(name, sql) != null) {
            throw new IllegalStateException("statement '" + name + "' is named twice");
        }
    }

    public String statement(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalStateException("no statement '" + name + "' in " + resource + " " + statements.keySet());
        }
        return sql;
    }
}
