package dev.trent.server.fuzz;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Sits next to the server's HTTP codec and notes, for each final response in order, whether it answers a HEAD
 * request: such a response carries a Content-Length but no body, and a client decoder must be told so, as a
 * real client knows what it asked.
 */
final class HeadRequests extends ChannelDuplexHandler {

    private final Queue<Boolean> pending = new ArrayDeque<>();
    private final Queue<Boolean> answered = new ArrayDeque<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            pending.add(HttpMethod.HEAD.equals(request.method()));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            answered.add(Boolean.TRUE.equals(pending.poll()));
        }
        ctx.write(msg, promise);
    }

    /** Whether the next final response on the wire answers a HEAD request. */
    boolean nextAnswersHead() {
        return Boolean.TRUE.equals(answered.poll());
    }
}
