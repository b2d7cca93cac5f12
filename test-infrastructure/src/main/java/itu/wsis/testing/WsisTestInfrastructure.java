package itu.wsis.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * The real infrastructure every service's {@code @QuarkusTest}s run against: PostgreSQL with a database for the
 * service, a Kafka broker in KRaft mode and an SMTP server, all on free ports and all gone when the JVM exits.
 * <p>
 * Use it as {@code @WithTestResource(value = WsisTestInfrastructure.class, initArgs = @ResourceArg(name =
 * "database", value = "invitation"))}. The servers are shared by every test class of one JVM (starting them once
 * is what keeps the suite fast); each Quarkus application start gets the same database, so tests create their own
 * data and never assume an empty table.
 */
public class WsisTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestPostgres.Server postgres = TestPostgres.database(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(TestSmtp.port()));
        // The test profile would otherwise swap the mailer for a mock; tests read real MIME messages instead.
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.devservices.enabled", "false");
        // Keys generated for this JVM: none is committed, none is in an artifact (docs/security-auth.md).
        config.putAll(TestKeys.config());
        return config;
    }

    @Override
    public void stop() {
        // Shared for the JVM's life: shutdown hooks stop the servers when the test JVM exits.
    }
}
