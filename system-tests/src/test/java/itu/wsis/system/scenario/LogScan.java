package itu.wsis.system.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for personal data and credentials in log files: what an operator reading or shipping the logs must never
 * see. Three kinds of finding:
 * <ul>
 *     <li>anything shaped like an e-mail address (a log has no reason to hold one, whoever it belongs to);</li>
 *     <li>anything shaped like a signed JWT or a personal-link token (claims, a dot, a 64-byte Ed25519 signature in
 *     base64url): a token in a log is a key to somebody's invitation or to a staff role;</li>
 *     <li>the values the scenario knows to be personal (full names, the tokens it was sent), wherever they appear.</li>
 * </ul>
 */
public final class LogScan {

    static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
    static final Pattern LINK_TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{86}(?![A-Za-z0-9_-])");
    private static final int EXCERPT = 160;

    public record Finding(String source, int line, String kind, String excerpt) {
        @Override
        public String toString() {
            return source + ":" + line + " " + kind + ": " + excerpt;
        }
    }

    private LogScan() {
    }

    /** Every finding in every {@code *.log} file directly in {@code directory}. */
    public static List<Finding> scanDirectory(Path directory, Collection<String> personalValues) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                findings.addAll(scan(file.getFileName().toString(), Files.readString(file), personalValues));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    public static List<Finding> scan(String source, String text, Collection<String> personalValues) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            find(EMAIL, "e-mail address", source, i + 1, line, findings);
            find(JWT, "JWT", source, i + 1, line, findings);
            find(LINK_TOKEN, "personal-link token", source, i + 1, line, findings);
            for (String value : personalValues) {
                if (value != null && !value.isBlank() && line.contains(value)) {
                    findings.add(new Finding(source, i + 1, "personal value", excerpt(line, line.indexOf(value))));
                }
            }
        }
        return findings;
    }

    private static void find(Pattern pattern, String kind, String source, int lineNumber, String line,
                             List<Finding> findings) {
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
            findings.add(new Finding(source, lineNumber, kind, excerpt(line, matcher.start())));
        }
    }

    private static String excerpt(String line, int at) {
        int from = Math.max(0, at - EXCERPT / 2);
        int to = Math.min(line.length(), from + EXCERPT);
        return (from > 0 ? "…" : "") + line.substring(from, to).strip() + (to < line.length() ? "…" : "");
    }
}
