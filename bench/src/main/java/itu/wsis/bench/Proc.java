package itu.wsis.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the external tools (./wsis, pgbench, psql, wrk, smtp-source, jcmd, jfr) and keeps their output. */
final class Proc {

    record Result(int exit, String out) {
        Result requireOk(String what) {
            if (exit != 0) {
                throw new IllegalStateException(what + " failed (exit " + exit + "):\n" + tail(out, 3000));
            }
            return this;
        }
    }

    private Proc() {
    }

    static Result run(Path dir, Map<String, String> env, List<String> command) {
        try {
            File log = File.createTempFile("bench-proc", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log);
            pb.environment().putAll(env);
            Process p = pb.start();
            int exit = p.waitFor();
            String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            log.delete();
            return new Result(exit, out);
        } catch (IOException e) {
            return new Result(127, command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Process start(Path dir, Map<String, String> env, List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    static String tail(String s, int max) {
        return s.length() <= max ? s : s.substring(s.length() - max);
    }
}
