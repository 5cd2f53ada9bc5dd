package dev.trent.server.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.util.function.Supplier;

/**
 * The pipeline, as a recipe of stock codecs: TLS when configured, HTTP codec, a bounded aggregator, the
 * cross-site guard (which refuses what a web page sent), the admin handler (which takes only {@code /_trent/}
 * requests) and the KMS handler for everything else.
 */
public final class KmsChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** The largest request body accepted; KMS's largest member (a 128 KiB policy) fits with room to spare. */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final Supplier<KmsHttpHandler> handler;
    private final Supplier<AdminHttpHandler> admin;
    private final CrossSiteGuard guard;
    private final SslContext tls;

    /**
     * @param tls the server's TLS context, or null for plain HTTP
     */
    public KmsChannelInitializer(Supplier<KmsHttpHandler> handler, Supplier<AdminHttpHandler> admin,
                                 CrossSiteGuard guard, SslContext tls) {
        this.handler = handler;
        this.admin = admin;
        this.guard = guard;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            pipeline.addLast(tls.newHandler(channel.alloc()));
        }
        pipeline.addLast(new HttpServerCodec())
                .addLast(new BoundedAggregator(MAX_REQUEST_BYTES))
                .addLast(guard)
                .addLast(admin.get())
                .addLast(handler.get());
    }
}
