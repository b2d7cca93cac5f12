package itu.wsis.testing;

import itu.wsis.localstack.KafkaBrokerProcess;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@link WsisTestInfrastructure} with the Kafka broker in a separate JVM on fixed free ports, so that a test can
 * SIGKILL it and start it again on the same address and data, as a real outage would go.
 */
public class WsisInfrastructureWithKillableBroker extends WsisTestInfrastructure {

    private static KafkaBrokerProcess broker;

    public static synchronized KafkaBrokerProcess broker() {
        if (broker == null) {
            Path dir = Infra.workDir().resolve("killable-kafka-" + ProcessHandle.current().pid());
            broker = KafkaBrokerProcess.start(dir.resolve("data"), TestSmtp.freePort(), TestSmtp.freePort(),
                    dir.resolve("broker.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-killable-kafka"));
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        config.put("kafka.bootstrap.servers", broker().bootstrapServers());
        return config;
    }
}
