package dev.trent.server.http;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.util.function.Supplier;

/**
 * The pipeline, as a recipe: TLS when configured, timeouts, the HTTP codec, back-pressure on reads, answers in
 * request order, a bounded aggregator, the cross-site guard (which refuses what a web page sent), the admin
 * handler (which takes only {@code /_trent/} requests), the IAM and STS handler (form-encoded requests) and the
 * KMS handler for everything else. Any channel, not only a socket, so tests can run the server's exact pipeline
 * on an embedded channel.
 */
public final class KmsChannelInitializer extends ChannelInitializer<Channel> {

    /** The largest request body accepted; KMS's largest member (a 128 KiB policy) fits with room to spare. */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;
    /** Requests of one connection that may run or wait for their turn to be answered before reading stops. */
    public static final int MAX_UNANSWERED_REQUESTS = 16;
    /** Above this many bytes queued for a client that does not read, reading from it stops until it drains. */
    public static final int OUTBOUND_HIGH_WATER_BYTES = 64 * 1024;
    private static final int OUTBOUND_LOW_WATER_BYTES = 32 * 1024;
    /** The most one socket read returns. */
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    /**
     * The codec counts requests from decoding to answer and closes the connection above its limit. Reading stops
     * at {@link #MAX_UNANSWERED_REQUESTS}, but what was read by then is still decoded (and waits in
     * {@link ReadBackpressure}): at most two reads' worth of the shortest request line, 16 bytes.
     */
    private static final int CODEC_PIPELINE_DEPTH = MAX_UNANSWERED_REQUESTS + 2 * READ_BUFFER_BYTES / 16;

    private final Supplier<KmsHttpHandler> handler;
    private final Supplier<AdminHttpHandler> admin;
    private final Supplier<QueryHttpHandler> query;
    private final CrossSiteGuard guard;
    private final SslContext tls;
    private final ConnectionSettings settings;

    /**
     * @param tls the server's TLS context, or null for plain HTTP
     */
    public KmsChannelInitializer(Supplier<KmsHttpHandler> handler, Supplier<AdminHttpHandler> admin,
                                 CrossSiteGuard guard, SslContext tls, ConnectionSettings settings) {
        this(handler, admin, null, guard, tls, settings);
    }

    /**
     * As above, with the handler of the query-protocol services (IAM, STS) before the KMS handler; null for a
     * server that answers KMS only.
     */
    public KmsChannelInitializer(Supplier<KmsHttpHandler> handler, Supplier<AdminHttpHandler> admin,
                                 Supplier<QueryHttpHandler> query, CrossSiteGuard guard, SslContext tls,
                                 ConnectionSettings settings) {
        this.query = query;
        this.handler = handler;
        this.admin = admin;
        this.guard = guard;
        this.tls = tls;
        this.settings = settings;
    }

    @Override
    protected void initChannel(Channel channel) {
        ConnectionTimeouts timeouts = new ConnectionTimeouts(settings.idleTimeout(), settings.requestReadTimeout());
        channel.config()
                .setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(64, 2048, READ_BUFFER_BYTES))
                .setWriteBufferWaterMark(new WriteBufferWaterMark(OUTBOUND_LOW_WATER_BYTES,
                        OUTBOUND_HIGH_WATER_BYTES));
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            pipeline.addLast(tls.newHandler(channel.alloc()));
        }
        pipeline.addLast(timeouts)
                .addLast(new HttpServerCodec(new HttpDecoderConfig(), CODEC_PIPELINE_DEPTH))
                .addLast(timeouts.requestBoundaries())
                .addLast(new ReadBackpressure(MAX_UNANSWERED_REQUESTS))
                .addLast(new InOrderResponses())
                .addLast(new BoundedAggregator(MAX_REQUEST_BYTES))
                .addLast(guard)
                .addLast(admin.get());
        if (query != null) {
            pipeline.addLast(query.get());
        }
        pipeline.addLast(handler.get());
    }
}
