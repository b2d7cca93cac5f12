package itu.wsis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pgbench script of the accept (measure 1): the statements registration-service runs, read from their one home
 * (registration-service's sql/reply-path.sql and service-support's sql/outbox-append.sql) so that the reference
 * cannot drift from the service, with pgbench expressions bound where the service binds {@code $n}.
 *
 * <p>The only additions: the invitation id comes from a random row number (md5, computed by the server), and the
 * next version from statement 1's {@code version} ({@code \gset}; empty when there is no reply yet), as the service
 * computes it in Java. The files' format (a statement per {@code -- name:} line) is service-support's
 * {@code SqlFile}; the bench reads it itself rather than carry the service's runtime on its classpath.
 */
final class AcceptScript {

    static final Path REPLY_PATH = Path.of("registration-service/src/main/resources/sql/reply-path.sql");
    static final Path OUTBOX = Path.of("service-support/src/main/resources/sql/outbox-append.sql");

    private static final String ID = "cast(md5(cast(:n as text)) as uuid)";
    private static final Pattern NAME = Pattern.compile("^--\\s*name:\\s*(\\S+)\\s*$");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");
    // A W3C traceparent as the service stores it when tracing is on (the local profile's default).
    private static final String TRACE_PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private AcceptScript() {
    }

    /**
     * @param delegation the delegation's JSON as the service binds it, and {@code payload} the event's: pgbench reads
     *                   ":name" as a variable even inside a literal, so neither may hold a colon followed by a letter.
     */
    static String build(Path root, int rows, String delegation, String payload) throws IOException {
        Map<String, String> reply = statements(Files.readString(root.resolve(REPLY_PATH)));
        Map<String, String> outbox = statements(Files.readString(root.resolve(OUTBOX)));
        return String.join("\n",
                "\\set n random(1, " + rows + ")",
                bind(reply, "link-state", Map.of(1, ID)) + ";",
                "begin;",
                bind(reply, "load-for-reply", Map.of(1, ID)) + " \\gset",
                bind(reply, "insert-reply", Map.ofEntries(
                        Map.entry(1, ID),
                        Map.entry(2, "coalesce(cast(nullif(:version, '') as integer), 0) + 1"),
                        Map.entry(3, "'ACCEPTED'"), Map.entry(4, "'IN_PERSON'"), Map.entry(5, literal(delegation)),
                        Map.entry(6, "null"), Map.entry(7, "'WEB'"), Map.entry(8, "false"), Map.entry(9, "false"),
                        Map.entry(10, "now()"), Map.entry(11, "'invitee'"), Map.entry(12, "null"),
                        Map.entry(13, "null"), Map.entry(14, "null"))) + ";",
                bind(outbox, "append", Map.of(1, "gen_random_uuid()", 2, "'InvitationAccepted.v1'",
                        3, "md5(cast(:n as text))", 4, "now()", 5, literal(payload),
                        6, "'wsis.registration-events'", 7, literal(TRACE_PARENT))) + ";",
                "commit;", "");
    }

    static Map<String, String> statements(String text) {
        Map<String, String> statements = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\\R")) {
            Matcher m = NAME.matcher(line);
            if (m.matches()) {
                if (name != null) {
                    statements.put(name, strip(body));
                }
                name = m.group(1);
                body.setLength(0);
            } else if (name != null && !line.isBlank() && !line.strip().startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            statements.put(name, strip(body));
        }
        return statements;
    }

    private static String strip(StringBuilder body) {
        String sql = body.toString().strip();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1).stripTrailing() : sql;
    }

    static String bind(Map<String, String> statements, String name, Map<Integer, String> values) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalStateException("no statement '" + name + "' in " + statements.keySet());
        }
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(Integer.parseInt(m.group(1)));
            if (value == null) {
                throw new IllegalStateException("statement '" + name + "' has $" + m.group(1) + ", which the bench does not bind");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
