package dev.trent.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At most {@code max} connections open at once, across the server: one more is closed as soon as it is
 * accepted, counted, and reported in at most one warning per interval. Keeping below the process's file
 * descriptor limit leaves descriptors for storage, logging and accepting itself. It sits on the listening
 * channel, before Netty's acceptor, so an extra connection's descriptor is freed on the accepting thread at once
 * rather than after a hand-over to another thread, which a flood of connections would outrun.
 */
@ChannelHandler.Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(ConnectionLimit.class.getName());
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final ThrottledLog refusals;

    public ConnectionLimit(int max, Clock clock) {
        if (max < 1) {
            throw new IllegalArgumentException("the connection limit must be positive, got " + max);
        }
        this.max = max;
        this.refusals = new ThrottledLog(LOG, Level.WARNING, clock, REPORT_INTERVAL);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Channel accepted && !admit(accepted)) {
            accepted.unsafe().closeForcibly();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** True when the channel may stay open; it is then counted until it closes. */
    boolean admit(Channel channel) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            refused.incrementAndGet();
            refusals.event(count -> "closed " + count + " connection(s) over the limit of " + max
                    + " open connections (--max-connections) since the last report", null);
            return false;
        }
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        return true;
    }

    public int max() {
        return max;
    }

    /** How many connections have been closed for being over the limit since the server started. */
    public long refused() {
        return refused.get();
    }
}
