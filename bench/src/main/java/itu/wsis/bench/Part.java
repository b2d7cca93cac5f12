package itu.wsis.bench;

/**
 * How much of the suite a run measures ({@code bench/run --only <phase>}): a partial run is named and titled as one,
 * so that it never passes for a full run.
 */
enum Part {
    ALL(null, "", "", ""),
    /** The stack, the demo data, the bulks of 193 and of {@code bulkLarge} and the raw SMTP reference. */
    EMAILS("emails", "-emails", " (partial: the email phase only, `--only emails`)",
            "; only the email phase (--only emails): stack, demo data, bulks, raw SMTP"),
    /**
     * The stack, the demo data and the bulks (their invitees are the accepts' links), pgbench, (a) and the latency at
     * 50% of it: the accept endpoint's figures without the sustained search and the rest.
     */
    ACCEPT("accept", "-accept", " (partial: the accept endpoint only, `--only accept`)",
            "; only the accept endpoint (--only accept): stack, demo data, bulks, pgbench, (a), latency"),
    /**
     * {@code ./wsis up} and the demo data, then each service started alone, on a machine that has not just run the
     * load phases: the startup goals measured as they are stated, in minutes.
     */
    STARTUP("startup", "-startup", " (partial: the starts only, `--only startup`)",
            "; only the starts (--only startup): ./wsis up, demo data, each service alone");

    final String option;
    final String fileSuffix;
    final String titleSuffix;
    final String modeSuffix;

    Part(String option, String fileSuffix, String titleSuffix, String modeSuffix) {
        this.option = option;
        this.fileSuffix = fileSuffix;
        this.titleSuffix = titleSuffix;
        this.modeSuffix = modeSuffix;
    }

    static Part of(String option) {
        for (Part p : values()) {
            if (p.option != null && p.option.equals(option)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--only takes one phase: emails, accept or startup");
    }
}
