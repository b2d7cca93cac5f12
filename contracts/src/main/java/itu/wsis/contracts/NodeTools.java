package itu.wsis.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The contract linters, npm packages pinned by {@code contracts/package-lock.json}. They are installed with
 * {@code npm ci} the first time a test needs them and again only when the lock file changes (a stamp in
 * {@code node_modules} holds the lock file's hash), so a machine that installed them once lints offline.
 */
public final class NodeTools {

    private static final String STAMP = ".wsis-installed";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);

    private NodeTools() {
    }

    /** The repository root: {@code -Dwsis.root} (set by the build), else the nearest parent holding contracts/. */
    public static Path root() {
        String property = System.getProperty("wsis.root");
        if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property, "contracts"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("contracts/package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory holding contracts/package.json)"
                + " from " + Path.of("").toAbsolutePath() + "; set -Dwsis.root");
    }

    public static Path toolsDir() {
        return root().resolve("contracts");
    }

    /** {@code redocly lint} with {@code contracts/redocly.yaml} (recommended-strict: warnings fail too). */
    public static Result redoclyLint(Path document) {
        Path tools = ensureInstalled();
        return run(tools, Duration.ofMinutes(3), tools.resolve("node_modules/.bin/redocly").toString(), "lint",
                "--config", tools.resolve("redocly.yaml").toString(), "--format", "stylish",
                document.toAbsolutePath().toString());
    }

    /** The AsyncAPI parser's validation (the one {@code asyncapi validate} runs): errors and warnings fail. */
    public static Result asyncApiValidate(Path document) {
        Path tools = ensureInstalled();
        return run(tools, Duration.ofMinutes(3), node(), tools.resolve("validate-asyncapi.mjs").toString(),
                document.toAbsolutePath().toString());
    }

    /** Installs the contract linters unless the stamp says this lock file is already installed. */
    public static Path ensureInstalled() {
        return ensureInstalled(toolsDir());
    }

    /**
     * Installs the packages pinned in {@code tools/package-lock.json} unless the stamp says this lock file is already
     * installed there (the deploy module's kustomize uses it too, with deploy/tools).
     */
    public static synchronized Path ensureInstalled(Path tools) {
        Path lockFile = tools.resolve("package-lock.json");
        Path stamp = tools.resolve("node_modules").resolve(STAMP);
        try (FileChannel channel = FileChannel.open(tools.resolve("node_modules.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            String wanted = sha256(Files.readAllBytes(tools.resolve("package.json")))
                    + sha256(Files.readAllBytes(lockFile));
            if (Files.isRegularFile(stamp) && Files.readString(stamp).trim().equals(wanted)) {
                return tools;
            }
            Result install = run(tools, INSTALL_TIMEOUT, npm(), "ci", "--no-audit", "--no-fund", "--prefer-offline",
                    "--loglevel=error");
            if (!install.ok()) {
                throw new IllegalStateException("""
                        `npm ci` in %s failed (exit %d). These tools come from the npm registry, pinned in \
                        %s; they need Node.js 20.19+ and npm on the PATH and, once, the registry. Output:
                        %s""".formatted(tools, install.exitCode(), lockFile, install.output()));
            }
            Files.writeString(stamp, wanted + "\n");
            return tools;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result run(Path dir, Duration timeout, String... command) {
        try {
            Path log = Files.createTempFile("wsis-node-", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    return new Result(-1, String.join(" ", command) + " did not finish within " + timeout + "\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage()
                    + " (Node.js 20.19+ and npm must be on the PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    private static String node() {
        return System.getenv().getOrDefault("WSIS_NODE", "node");
    }

    private static String npm() {
        return System.getenv().getOrDefault("WSIS_NPM", "npm");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A finished tool run: its exit code and everything it printed. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }
}
