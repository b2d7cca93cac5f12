package itu.wsis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** JFR recordings ({@code settings=profile}) of a service over a phase, started and stopped with jcmd. */
final class Jfr {

    private final Stack stack;
    private final Report report;
    private final Map<Path, String> serviceOf = new HashMap<>();

    Jfr(Stack stack, Report report) {
        this.stack = stack;
        this.report = report;
    }

    /** A recording that could not be started is a finding; the phase goes on without it. */
    void start(String service, Path file) throws IOException {
        Files.deleteIfExists(file);
        Proc.Result r = stack.tool(List.of("jcmd", stack.pid(service), "JFR.start", "name=bench", "settings=profile",
                "filename=" + file));
        if (r.exit() != 0) {
            report.findings.add("JFR could not be started on " + service + ": " + Proc.tail(r.out(), 200));
        }
        serviceOf.put(file, service);
    }

    /** Stops the recording and reads it; null (and a finding) when it cannot be read. */
    Profile.Summary stop(Path file) {
        try {
            String service = serviceOf.get(file);
            stack.tool(List.of("jcmd", stack.pid(service), "JFR.stop", "name=bench", "filename=" + file))
                    .requireOk("JFR.stop");
            return Profile.read(file);
        } catch (Exception e) {
            report.findings.add("JFR recording " + file.getFileName() + " unreadable: " + e.getMessage());
            return null;
        }
    }

    /** {@link #stop} as the evidence's text. */
    String stopText(Path file) {
        Profile.Summary s = stop(file);
        return s == null ? "not available" : s.text();
    }
}
