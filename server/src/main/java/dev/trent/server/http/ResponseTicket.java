package dev.trent.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's place in its connection's answer order. It is taken on the event loop while the request is read;
 * the response may be sent from any thread and goes out only after the answers to every earlier request on the
 * connection ({@link InOrderResponses}).
 */
final class ResponseTicket {

    /** A message waiting for its turn, with the promise its writer holds. */
    record PendingWrite(Object message, ChannelPromise promise) {
    }

    private final InOrderResponses order;
    /** Touched on the event loop only. */
    private final List<PendingWrite> writes = new ArrayList<>(1);
    private boolean answered;

    ResponseTicket(InOrderResponses order) {
        this.order = order;
    }

    /** The ticket of the request the calling handler is reading now; call it from channelRead, not later. */
    static ResponseTicket of(ChannelHandlerContext ctx) {
        InOrderResponses order = ctx.pipeline().get(InOrderResponses.class);
        if (order == null) {
            throw new IllegalStateException("the pipeline has no " + InOrderResponses.class.getSimpleName());
        }
        return order.ticketOfRequestBeingRead();
    }

    /** Sends the final response, keeping the connection open only when the client asked for it. */
    void send(FullHttpResponse response, boolean keepAlive) {
        response.headers().set(HttpHeaderNames.CONNECTION,
                keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        order.answer(this, response);
    }

    void add(PendingWrite write, boolean isFinal) {
        writes.add(write);
        answered |= isFinal;
    }

    List<PendingWrite> writes() {
        return writes;
    }

    boolean answered() {
        return answered;
    }
}
