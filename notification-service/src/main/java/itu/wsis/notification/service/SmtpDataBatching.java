package itu.wsis.notification.service;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Puts a message's data on the wire in a few large writes instead of one per line, on a connection of Vert.x's mail
 * client, where it sits between TLS (if any) and the client.
 * <p>
 * The client (4.5.27, {@code SMTPSendMail}) writes the data line by line, each line in its own event-loop task, and
 * starts the next line only when the last one's write has completed. Each line is therefore its own system call:
 * about 160 for one of the bulk's emails, three quarters of the client's CPU per email (bench/README.md, the SMTP
 * client floor). From the server's {@code 354} to the end-of-data line, this handler reports each write done as soon
 * as it is queued and lets nothing out until that last line, or until the connection's outbound buffer is full (so
 * the client's own wait for it to drain still ends).
 * <p>
 * What a write's completion meant to the client is unchanged where it matters: a message counts as sent only on the
 * server's {@code 250} after the end of the data. A queued write that later fails fails the connection (its failure
 * reaches the client as an exception on the connection), so the client sees the dialogue fail rather than wait for a
 * reply it never gets.
 */
final class SmtpDataBatching extends ChannelDuplexHandler {

    static final String NAME = "wsis-smtp-data-batching";

    private boolean inData;
    /** Characters seen so far on the reply line being read (only the first four matter: code and separator). */
    private int replyLineLength;
    private final byte[] replyStart = new byte[4];

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf reply) {
            watchForStartOfData(reply);
        }
        super.channelRead(ctx, msg);
    }

    /**
     * The data starts after a final {@code 354} reply line ("354 " rather than a continuation "354-"), which can come
     * split across reads; anything else the server says leaves the dialogue as it was.
     */
    private void watchForStartOfData(ByteBuf reply) {
        for (int i = reply.readerIndex(); i < reply.writerIndex(); i++) {
            byte b = reply.getByte(i);
            if (b == '\n') {
                replyLineLength = 0;
                continue;
            }
            if (replyLineLength < replyStart.length) {
                replyStart[replyLineLength] = b;
                if (replyLineLength == 3 && b == ' '
                        && replyStart[0] == '3' && replyStart[1] == '5' && replyStart[2] == '4') {
                    inData = true;
                }
            }
            replyLineLength++;
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (!inData) {
            super.write(ctx, msg, promise);
            return;
        }
        if (msg instanceof ByteBuf line && isEndOfData(line)) {
            inData = false;
        }
        ctx.write(msg, ctx.voidPromise());
        promise.trySuccess();
    }

    /** The client writes the end of the data, a period alone on its line, as one write of its own. */
    private static boolean isEndOfData(ByteBuf line) {
        int at = line.readerIndex();
        return line.readableBytes() == 3
                && line.getByte(at) == '.' && line.getByte(at + 1) == '\r' && line.getByte(at + 2) == '\n';
    }

    @Override
    public void flush(ChannelHandlerContext ctx) throws Exception {
        if (!inData || !ctx.channel().isWritable()) {
            super.flush(ctx);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        inData = false;
        super.channelInactive(ctx);
    }
}
