package dev.trent.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes a connection that is idle too long (no request being sent, none unanswered) and one whose client takes
 * too long to send a request once it has begun (a slow-loris client trickling headers). It sits before the codec
 * to see a request's first bytes; {@link #requestBoundaries()}, after the codec, tells it where requests end and
 * when answers leave. The read deadline waits while the server itself has paused reading. Bytes of a next
 * request that arrive in the same read as the end of the previous one start no deadline of their own: should
 * the client stop there, the idle timeout closes the connection once the earlier answers are out. A zero
 * duration turns a timeout off.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {

    private static final Logger LOG = Logger.getLogger(ConnectionTimeouts.class.getName());

    private final Duration idleTimeout;
    private final Duration requestReadTimeout;
    private ChannelHandlerContext ctx;
    private boolean readingRequest;
    private int unanswered;
    private ScheduledFuture<?> idleDeadline;
    private ScheduledFuture<?> readDeadline;

    ConnectionTimeouts(Duration idleTimeout, Duration requestReadTimeout) {
        this.idleTimeout = idleTimeout;
        this.requestReadTimeout = requestReadTimeout;
    }

    /** The companion handler to place right after the HTTP codec. */
    ChannelHandler requestBoundaries() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    requestRead();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (InOrderResponses.isFinalResponse(msg)) {
                    answered();
                }
                ctx.write(msg, promise);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive()) {
            startIdle();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        startIdle();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable() && !readingRequest) {
            readingRequest = true;
            idleDeadline = cancel(idleDeadline);
            readDeadline = schedule(requestReadTimeout, this::readDeadlinePassed);
        }
        ctx.fireChannelRead(msg);
    }

    private void requestRead() {
        readingRequest = false;
        readDeadline = cancel(readDeadline);
        unanswered++;
    }

    private void answered() {
        unanswered--;
        if (unanswered <= 0 && !readingRequest) {
            startIdle();
        }
    }

    private void startIdle() {
        idleDeadline = cancel(idleDeadline);
        idleDeadline = schedule(idleTimeout, () -> close("idle for " + idleTimeout.toSeconds() + " s"));
    }

    private void readDeadlinePassed() {
        if (!ctx.channel().config().isAutoRead()) {
            readDeadline = schedule(requestReadTimeout, this::readDeadlinePassed);
            return;
        }
        close("a request not complete " + requestReadTimeout.toSeconds() + " s after its first byte");
    }

    private void close(String why) {
        LOG.log(Level.FINE, () -> "closing the connection from " + ctx.channel().remoteAddress() + ": " + why);
        ctx.close();
    }

    private ScheduledFuture<?> schedule(Duration timeout, Runnable task) {
        if (timeout.isZero()) {
            return null;
        }
        return ctx.executor().schedule(task, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ScheduledFuture<?> cancel(ScheduledFuture<?> deadline) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        return null;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    private void stop() {
        idleDeadline = cancel(idleDeadline);
        readDeadline = cancel(readDeadline);
    }
}
