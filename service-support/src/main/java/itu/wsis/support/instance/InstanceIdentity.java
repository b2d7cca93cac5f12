package itu.wsis.support.instance;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a lease or a claim: one id per running process. Two instances of a service must never share one,
 * and a restarted process must not inherit its predecessor's, which may still be recorded as the holder of a
 * claim whose email it had begun to send; so the default is the host name plus a random suffix per start.
 */
@ApplicationScoped
public class InstanceIdentity {

    private final String id;

    public InstanceIdentity(@ConfigProperty(name = "wsis.instance-id") Optional<String> configured) {
        this.id = configured.filter(s -> !s.isBlank())
                .map(s -> s + "/" + UUID.randomUUID().toString().substring(0, 8))
                .orElseGet(() -> hostName() + "/" + UUID.randomUUID());
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
