package itu.wsis.notification.service;

import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender's client is the mailer's, setting for setting, plus the idle timeout: what Quarkus configured (server,
 * STARTTLS, credentials, pool) must not be lost on the way, since nothing else would notice before production.
 */
class SmtpGatewayClientConfigTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void theMailersSettingsAreKeptAndASilentConnectionIsClosedAfterTheSmtpTimeout() {
        MailConfig mailers = new MailConfig()
                .setHostname("smtp.wsis.example.org")
                .setPort(587)
                .setStarttls(StartTLSOptions.REQUIRED)
                .setLogin(LoginOption.REQUIRED)
                .setUsername("relay-user")
                .setPassword("relay-secret")
                .setKeepAlive(true)
                .setMaxPoolSize(7)
                .setOwnHostname("notification.wsis.example.org");
        MailClient quarkusBuilt = MailClient.create(vertx, mailers);

        MailConfig ours = SmtpGateway.closingSilentConnections(quarkusBuilt, Duration.ofMinutes(10));

        assertThat(ours.getIdleTimeout()).isEqualTo(600_000);
        assertThat(ours.getIdleTimeoutUnit()).isEqualTo(TimeUnit.MILLISECONDS);
        assertThat(ours.getHostname()).isEqualTo("smtp.wsis.example.org");
        assertThat(ours.getPort()).isEqualTo(587);
        assertThat(ours.getStarttls()).isEqualTo(StartTLSOptions.REQUIRED);
        assertThat(ours.getLogin()).isEqualTo(LoginOption.REQUIRED);
        assertThat(ours.getUsername()).isEqualTo("relay-user");
        assertThat(ours.getPassword()).isEqualTo("relay-secret");
        assertThat(ours.isKeepAlive()).isTrue();
        assertThat(ours.getMaxPoolSize()).isEqualTo(7);
        assertThat(ours.getOwnHostname()).isEqualTo("notification.wsis.example.org");
        assertThat(mailers.getIdleTimeout()).isZero();
        // Over STARTTLS the client the sender uses checks the server's name, as the mailer's does; the configuration
        // is what Vert.x's pool settles it in.
        MailClient.create(vertx, ours);
        assertThat(mailers.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(ours.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void withoutTlsNoNameIsChecked() {
        MailClient quarkusBuilt = MailClient.create(vertx, new MailConfig().setHostname("127.0.0.1").setPort(3025)
                .setStarttls(StartTLSOptions.DISABLED));

        MailConfig ours = SmtpGateway.closingSilentConnections(quarkusBuilt, Duration.ofSeconds(3));
        MailClient.create(vertx, ours);

        assertThat(ours.getIdleTimeout()).isEqualTo(3_000);
        assertThat(ours.getStarttls()).isEqualTo(StartTLSOptions.DISABLED);
        assertThat(ours.getHostnameVerificationAlgorithm()).isEmpty();
    }
}
