package itu.wsis.bench;

import io.vertx.ext.mail.mailencoder.EncodedPart;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MailClientFloorPhaseTest {

    @Test
    void theMessageIsAboutTheBulksAverageSizeOnTheWireQuotedPrintableWithAnAttachment() {
        for (int bytes : new int[] {5_000, 9_788, 20_000}) {
            EncodedPart encoded = new MailEncoder(MailClientFloorPhase.message(bytes), "bench.example.org",
                    MailClientFloorPhase.config(25)).encodeMail();
            String wire = OneWriteSmtpClient.onTheWire(encoded);
            assertThat((double) wire.length()).as("size on the wire for %d B", bytes)
                    .isCloseTo(bytes, within(bytes * 0.05));
            assertThat(wire).contains("Content-Transfer-Encoding: quoted-printable").contains("text/calendar");
        }
    }

    @Test
    void theOneWriteClientEndsEveryLineWithCrLfClosesEachMultipartAndDoublesALeadingPeriod() {
        EncodedPart encoded = new MailEncoder(MailClientFloorPhase.message(9_788)
                .setText(".starts with a period\nand goes on"), "bench.example.org", MailClientFloorPhase.config(25))
                .encodeMail();
        String wire = OneWriteSmtpClient.onTheWire(encoded);
        assertThat(wire.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(wire).contains("\r\n..starts with a period\r\n");
        for (EncodedPart multipart : List.of(encoded, encoded.parts().get(0))) {
            assertThat(wire).contains("\r\n--" + multipart.boundary() + "--\r\n");
        }
    }
}
