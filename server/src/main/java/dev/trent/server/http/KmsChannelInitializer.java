package dev.trent.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.function.Supplier;

/**
 * The pipeline, as a recipe of stock codecs: HTTP codec, a bounded aggregator, the admin handler (which takes
 * only {@code /_trent/} requests) and the KMS handler for everything else. Any channel, not only a socket, so
 * tests can run the server's exact pipeline on an embedded channel.
 */
public final class KmsChannelInitializer extends ChannelInitializer<Channel> {

    /** The largest request body accepted; KMS's largest member (a 128 KiB policy) fits with room to spare. */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final Supplier<KmsHttpHandler> handler;
    private final Supplier<AdminHttpHandler> admin;

    public KmsChannelInitializer(Supplier<KmsHttpHandler> handler, Supplier<AdminHttpHandler> admin) {
        this.handler = handler;
        this.admin = admin;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new BoundedAggregator(MAX_REQUEST_BYTES))
                .addLast(admin.get())
                .addLast(handler.get());
    }
}
