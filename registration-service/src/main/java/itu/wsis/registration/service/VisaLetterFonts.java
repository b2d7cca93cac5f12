package itu.wsis.registration.service;

import itu.wsis.registration.config.RegistrationConfig;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds the font files of visa letters under the configured directory. A font that is missing is a fault of the
 * installation, not of the request: 503 {@code visa-letter-font-missing}, naming the file and the Debian package.
 */
@ApplicationScoped
public class VisaLetterFonts {

    /** The files a letter needs, found once; a later lookup finds a font installed in the meantime. */
    public record FontFiles(Path text, Path bold, Path chinese) {
    }

    private static final Map<String, String> PACKAGES = Map.of(
            "DejaVuSans.ttf", "fonts-dejavu-core", "DejaVuSans-Bold.ttf", "fonts-dejavu-core",
            "wqy-zenhei.ttc", "fonts-wqy-zenhei");

    private final RegistrationConfig.VisaLetters config;
    private final Map<String, Path> found = new ConcurrentHashMap<>();

    public VisaLetterFonts(RegistrationConfig config) {
        this.config = config.visaLetters();
    }

    public FontFiles files() {
        return new FontFiles(find(config.textFont()), find(config.boldFont()), find(config.chineseFont()));
    }

    private Path find(String fileName) {
        Path known = found.get(fileName);
        if (known != null && Files.isReadable(known)) {
            return known;
        }
        Path path = search(config.fontDirectory(), fileName).orElseThrow(() -> missing(fileName));
        found.put(fileName, path);
        return path;
    }

    private static Optional<Path> search(Path directory, String fileName) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(directory, 8,
                (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().equals(fileName))) {
            return files.filter(Files::isReadable).sorted().findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private ProblemException missing(String fileName) {
        String debianPackage = PACKAGES.getOrDefault(fileName, "the package that provides it");
        return new ProblemException(503, "visa-letter-font-missing", "Visa letters are unavailable: a font is missing",
                "The font " + fileName + " was not found under " + config.fontDirectory() + " (install "
                        + debianPackage + ", or set wsis.registration.visa-letters.font-directory).",
                List.of(), Map.of("font", fileName), Map.of());
    }
}
