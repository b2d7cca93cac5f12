package itu.wsis.support.keys;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses to start a service outside the dev and test profiles when any key it is configured with is one of the
 * formerly committed development keys ({@link KnownDevKeys}): anyone can read those from the repository's history
 * and forge personal links or staff tokens with them. The {@code local} profile (./wsis, compose) is checked too:
 * it generates its own keys per installation.
 */
@ApplicationScoped
public class DevKeyGuard {

    private static final Logger LOG = Logger.getLogger(DevKeyGuard.class);

    /** The properties that name key files, in every service. */
    static final List<String> KEY_PROPERTIES = List.of(
            "wsis.links.public-key-location", "wsis.links.private-key-location", "mp.jwt.verify.publickey.location");

    void onStart(@Observes StartupEvent start, Config config) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (exempt(profiles)) {
            return;
        }
        Map<String, String> locations = new LinkedHashMap<>();
        for (String property : KEY_PROPERTIES) {
            config.getOptionalValue(property, String.class).filter(v -> !v.isBlank())
                    .ifPresent(location -> locations.put(property, location));
        }
        List<String> known = knownKeys(locations);
        if (!known.isEmpty()) {
            String message = "Refusing to start with a development key that is public in the repository's history ("
                    + String.join("; ", known) + "). Generate keys for this installation: ./wsis up does it under"
                    + " its run directory, compose in its 'keys' step; production takes its own from the"
                    + " environment (README, Configuration).";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
        if (!locations.isEmpty()) {
            LOG.debugf("no known development key among %s", locations.keySet());
        }
    }

    static boolean exempt(List<String> profiles) {
        return profiles.contains("dev") || profiles.contains("test");
    }

    /** "property (location) is ..." for each configured key file that holds a known development key. */
    static List<String> knownKeys(Map<String, String> locations) {
        List<String> known = new ArrayList<>();
        locations.forEach((property, location) -> keyAt(location).flatMap(KnownDevKeys::identify)
                .ifPresent(what -> known.add(property + " (" + location + ") is " + what)));
        return known;
    }

    /** The key in a local PEM file; empty for other locations (a JWKS URL, a class-path resource) and other files. */
    private static Optional<java.security.Key> keyAt(String location) {
        if (location.contains("://")) {
            return Optional.empty();
        }
        java.nio.file.Path file = PemKeys.path(location);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return PemKeys.anyKey(PemKeys.read(location, "key"));
    }
}
