package itu.wsis.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The instrument against the bench's own sink: what it delivers is what the mail client delivers, in one write. */
class OneWriteSmtpClientTest {

    @Test
    void theSinkReceivesFromTheInstrumentTheMessagesTheMailClientSendsAndOfTheSameSize() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (SmtpSink sink = new SmtpSink(0)) {
            List<SmtpSink.Received> received = new CopyOnWriteArrayList<>();
            sink.listen(received::add);
            MailMessage message = MailClientFloorPhase.message(9_788);
            MailConfig config = MailClientFloorPhase.config(sink.port());
            MailClient mailClient = MailClient.create(vertx, config);
            for (int i = 0; i < 3; i++) {
                await(mailClient.sendMail(numbered(message, "client-" + i)));
            }
            Context loop = vertx.getOrCreateContext();
            OneWriteSmtpClient instrument = await(OneWriteSmtpClient.connect(vertx, loop, config));
            for (int i = 0; i < 3; i++) {
                MailMessage numbered = numbered(message, "instrument-" + i);
                await(Future.<Void>future(p -> loop.runOnContext(ignored -> instrument.send(numbered)
                        .onComplete(p))));
            }
            instrument.close();
            mailClient.close();

            assertThat(received).hasSize(6);
            assertThat(received.stream().map(SmtpSink.Received::messageId)).containsExactly(
                    "<client-0@bench>", "<client-1@bench>", "<client-2@bench>",
                    "<instrument-0@bench>", "<instrument-1@bench>", "<instrument-2@bench>");
            double byClient = received.subList(0, 3).stream().mapToInt(SmtpSink.Received::bytes).average().orElseThrow();
            double byInstrument = received.subList(3, 6).stream().mapToInt(SmtpSink.Received::bytes).average()
                    .orElseThrow();
            assertThat(byInstrument).isCloseTo(byClient, within(32.0));
            assertThat(byClient).isCloseTo(9_788, within(9_788 * 0.05));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static MailMessage numbered(MailMessage message, String id) {
        return new MailMessage(message).setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", "<" + id + "@bench>"));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
