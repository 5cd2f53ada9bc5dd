package dev.trent.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stops reading a connection while it has {@code maxUnanswered} requests without an answer, or while its
 * outbound buffer is above the high-water mark (a client that pipelines requests and does not read the
 * answers), and reads again once answers drain. A request decoded from bytes already read waits here, before it
 * runs: the pipeline depth is limited by not reading further, never by running a request and dropping its answer.
 */
final class ReadBackpressure extends ChannelDuplexHandler {

    private static final Logger LOG = Logger.getLogger(ReadBackpressure.class.getName());

    private final int maxUnanswered;
    /** Decoded messages not passed on yet, in order. Event loop only. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private int unanswered;
    private boolean resumeScheduled;

    ReadBackpressure(int maxUnanswered) {
        if (maxUnanswered < 1) {
            throw new IllegalArgumentException("maxUnanswered must be positive, got " + maxUnanswered);
        }
        this.maxUnanswered = maxUnanswered;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (held.isEmpty() && !(msg instanceof HttpRequest && mustWait(ctx))) {
            pass(ctx, msg);
            return;
        }
        if (held.isEmpty()) {
            LOG.log(Level.FINE, () -> "pausing reads from " + ctx.channel().remoteAddress() + ": " + unanswered
                    + " requests unanswered, writable " + ctx.channel().isWritable());
        }
        held.add(msg);
        ctx.channel().config().setAutoRead(false);
    }

    private boolean mustWait(ChannelHandlerContext ctx) {
        return unanswered >= maxUnanswered || !ctx.channel().isWritable();
    }

    private void pass(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            unanswered++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (InOrderResponses.isFinalResponse(msg)) {
            unanswered--;
            scheduleResume(ctx);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            scheduleResume(ctx);
        } else {
            ctx.channel().config().setAutoRead(false);
        }
        ctx.fireChannelWritabilityChanged();
    }

    /** Later, not now: a write may come from inside a read further down the pipeline. */
    private void scheduleResume(ChannelHandlerContext ctx) {
        if (!resumeScheduled) {
            resumeScheduled = true;
            ctx.executor().execute(() -> resume(ctx));
        }
    }

    private void resume(ChannelHandlerContext ctx) {
        resumeScheduled = false;
        if (ctx.isRemoved() || !ctx.channel().isActive()) {
            return;
        }
        boolean passed = false;
        while (!held.isEmpty()) {
            if (held.peek() instanceof HttpRequest && mustWait(ctx)) {
                break;
            }
            pass(ctx, held.poll());
            passed = true;
        }
        if (passed) {
            ctx.fireChannelReadComplete();
        }
        if (held.isEmpty() && !mustWait(ctx) && !ctx.channel().config().isAutoRead()) {
            LOG.log(Level.FINE, () -> "resuming reads from " + ctx.channel().remoteAddress());
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseHeld();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseHeld();
    }

    private void releaseHeld() {
        while (!held.isEmpty()) {
            ReferenceCountUtil.release(held.poll());
        }
    }
}
