package itu.wsis.bench;

import java.nio.file.Path;

/**
 * The driver's command line, as {@code bench/run} passes it: {@code --root}, {@code --commit}, {@code --postfix},
 * {@code --out}, {@code --quick}, {@code --only emails|accept|startup}, {@code --statements}.
 *
 * <p>{@code part} ({@code --only emails}, {@code --only accept} or {@code --only startup}, {@link Part}): the email
 * rate and the CPU per email, the accept endpoint's figures, or the starts, in a few minutes, for measuring a change
 * without the whole suite. Its file says it is a partial run.
 *
 * <p>{@code statements} ({@code --statements}): PostgreSQL runs with pg_stat_statements loaded (local-stack's
 * WSIS_PG_STAT_STATEMENTS), and the statements notification-service issued during the large bulk are listed per
 * email in the evidence. The extension costs PostgreSQL some CPU: a run with it counts statements, one without
 * measures the rate.
 *
 * @param postfix where Postfix's smtp-sink and smtp-source were unpacked; null: the SMTP references are not measured
 * @param out     the results directory; null: {@code bench/results} of the root
 */
record Options(Path root, String commit, Path postfix, Path out, boolean quick, Part part, boolean statements) {

    static Options parse(String... args) {
        boolean quick = false;
        boolean statements = false;
        Path root = Path.of(".").toAbsolutePath().normalize();
        String commit = "unknown";
        Path postfix = null;
        Path out = null;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--commit" -> commit = args[++i];
                case "--postfix" -> postfix = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--statements" -> statements = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Options(root, commit, postfix, out, quick, only == null ? Part.ALL : Part.of(only), statements);
    }

    boolean emailsOnly() {
        return part == Part.EMAILS;
    }

    boolean acceptOnly() {
        return part == Part.ACCEPT;
    }

    boolean startupOnly() {
        return part == Part.STARTUP;
    }

    /** The results directory. */
    Path resultsDir() {
        return out != null ? out : root.resolve("bench/results");
    }
}
