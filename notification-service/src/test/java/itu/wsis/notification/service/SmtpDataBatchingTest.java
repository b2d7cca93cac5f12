package itu.wsis.notification.service;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batching of a message's data on one connection, as Vert.x's mail client drives it: a command, its reply, the
 * data line by line (each write flushed), the end-of-data line.
 */
class SmtpDataBatchingTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new SmtpDataBatching());

    @Test
    void commandsGoOutAtOnceAndTheDataOnlyWithItsEndInOneFlush() {
        ChannelFuture data = send("DATA\r\n");
        assertThat(data.isSuccess()).isTrue();
        assertThat(sent()).containsExactly("DATA\r\n");

        reply("354 End data with <CR><LF>.<CR><LF>\r\n");
        List<ChannelFuture> lines = new ArrayList<>();
        for (String line : List.of("Subject: x\r\n\r\n", "first line\r\n", "..leading period\r\n")) {
            lines.add(send(line));
        }
        assertThat(lines).allMatch(ChannelFuture::isSuccess);
        assertThat(sent()).as("nothing of the data before its end").isEmpty();

        send(".\r\n");
        assertThat(sent()).containsExactly("Subject: x\r\n\r\n", "first line\r\n", "..leading period\r\n", ".\r\n");

        reply("250 2.0.0 Ok: queued\r\n");
        send("RSET\r\n");
        assertThat(sent()).as("the next command goes out at once").containsExactly("RSET\r\n");
    }

    @Test
    void theStartOfDataIsRecognisedWhenTheReplyComesInPieces() {
        reply("3");
        reply("54 go ahead\r");
        reply("\n");
        send("line\r\n");
        assertThat(sent()).isEmpty();
        send(".\r\n");
        assertThat(sent()).containsExactly("line\r\n", ".\r\n");
    }

    @Test
    void anyOtherReplyLeavesWritesAsTheyWere() {
        for (String reply : List.of("250-PIPELINING\r\n354-not the last line\r\n250 OK\r\n", "554 no\r\n",
                "220 mx.example.org ESMTP 354 \r\n")) {
            reply(reply);
            send("NOOP\r\n");
            assertThat(sent()).as("after %s", reply).containsExactly("NOOP\r\n");
        }
    }

    @Test
    void aFullOutboundBufferIsFlushedSoThatTheClientsWaitForItToDrainEnds() {
        channel.config().setWriteBufferWaterMark(new io.netty.channel.WriteBufferWaterMark(1024, 2048));
        reply("354 go ahead\r\n");
        send("short\r\n");
        assertThat(sent()).isEmpty();
        String longer = "x".repeat(3000) + "\r\n";
        send(longer);
        assertThat(sent()).containsExactly("short\r\n", longer);
    }

    @Test
    void aQueuedWriteThatFailsFailsTheConnection() {
        EmbeddedChannel failing = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                io.netty.util.ReferenceCountUtil.release(msg);
                promise.setFailure(new IOException("connection reset"));
            }
        }, new SmtpDataBatching());
        failing.writeInbound(ascii("354 go ahead\r\n"));
        ChannelFuture line = failing.writeAndFlush(ascii("line\r\n"));
        assertThat(line.isSuccess()).as("reported done when queued").isTrue();
        assertThatThrownBy(failing::checkException).hasMessageContaining("connection reset");
    }

    private ChannelFuture send(String line) {
        return channel.writeAndFlush(ascii(line));
    }

    private void reply(String text) {
        channel.writeInbound(ascii(text));
        ByteBuf read;
        while ((read = channel.readInbound()) != null) {
            read.release();
        }
    }

    private List<String> sent() {
        List<String> out = new ArrayList<>();
        ByteBuf written;
        while ((written = channel.readOutbound()) != null) {
            out.add(written.toString(StandardCharsets.US_ASCII));
            written.release();
        }
        return out;
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }
}
