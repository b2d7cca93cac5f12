package itu.wsis.notification.service;

import io.netty.channel.ChannelPipeline;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SSLOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.NetSocketInternal;
import io.vertx.ext.mail.MailClient;

/**
 * The TCP client of Vert.x's mail client, giving each connection it opens a {@link SmtpDataBatching}. The mail client
 * offers no hook on its connections, so {@link #install} puts this in place of its pool's client by reflection; a
 * change of those classes fails the service's start there, not its sending. Public for the bench, which measures
 * the client with and without it (bench/README.md, phase 4).
 */
public final class SmtpDataBatchingNetClient implements NetClient {

    /** Vert.x's own handler of a connection, last in the pipeline: the batching goes just before it, inside TLS. */
    private static final String VERTX_HANDLER = "handler";

    private final NetClient delegate;

    private SmtpDataBatchingNetClient(NetClient delegate) {
        this.delegate = delegate;
    }

    /** Makes the connections {@code client} opens from now on batch their data; call it before the first message. */
    public static MailClient install(MailClient client) {
        try {
            java.lang.reflect.Field poolField = client.getClass().getDeclaredField("connectionPool");
            poolField.setAccessible(true);
            Object pool = poolField.get(client);
            java.lang.reflect.Field netClientField = pool.getClass().getDeclaredField("netClient");
            netClientField.setAccessible(true);
            NetClient original = (NetClient) netClientField.get(pool);
            if (!(original instanceof SmtpDataBatchingNetClient)) {
                netClientField.set(pool, new SmtpDataBatchingNetClient(original));
            }
            return client;
        } catch (ReflectiveOperationException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("cannot reach the TCP client of " + client.getClass().getName()
                    + "'s connection pool (Vert.x mail client changed?)", e);
        }
    }

    private static Future<NetSocket> batching(Future<NetSocket> connecting) {
        return connecting.compose(socket -> {
            ChannelPipeline pipeline = socket instanceof NetSocketInternal internal
                    ? internal.channelHandlerContext().pipeline() : null;
            if (pipeline == null || pipeline.get(VERTX_HANDLER) == null) {
                socket.close();
                return Future.failedFuture(new IllegalStateException(
                        "no Vert.x handler named \"" + VERTX_HANDLER + "\" on the SMTP connection (Vert.x changed?)"));
            }
            pipeline.addBefore(VERTX_HANDLER, SmtpDataBatching.NAME, new SmtpDataBatching());
            return Future.succeededFuture(socket);
        });
    }

    @Override
    public Future<NetSocket> connect(int port, String host) {
        return batching(delegate.connect(port, host));
    }

    @Override
    public NetClient connect(int port, String host, Handler<AsyncResult<NetSocket>> connectHandler) {
        connect(port, host).onComplete(connectHandler);
        return this;
    }

    @Override
    public Future<NetSocket> connect(int port, String host, String serverName) {
        return batching(delegate.connect(port, host, serverName));
    }

    @Override
    public NetClient connect(int port, String host, String serverName,
                             Handler<AsyncResult<NetSocket>> connectHandler) {
        connect(port, host, serverName).onComplete(connectHandler);
        return this;
    }

    @Override
    public Future<NetSocket> connect(SocketAddress remoteAddress) {
        return batching(delegate.connect(remoteAddress));
    }

    @Override
    public NetClient connect(SocketAddress remoteAddress, Handler<AsyncResult<NetSocket>> connectHandler) {
        connect(remoteAddress).onComplete(connectHandler);
        return this;
    }

    @Override
    public Future<NetSocket> connect(SocketAddress remoteAddress, String serverName) {
        return batching(delegate.connect(remoteAddress, serverName));
    }

    @Override
    public NetClient connect(SocketAddress remoteAddress, String serverName,
                             Handler<AsyncResult<NetSocket>> connectHandler) {
        connect(remoteAddress, serverName).onComplete(connectHandler);
        return this;
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        delegate.close(handler);
    }

    @Override
    public Future<Void> close() {
        return delegate.close();
    }

    @Override
    public Future<Boolean> updateSSLOptions(SSLOptions options, boolean force) {
        return delegate.updateSSLOptions(options, force);
    }

    @Override
    public boolean isMetricsEnabled() {
        return delegate.isMetricsEnabled();
    }
}
