package dev.trent.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * Answers a connection's requests in the order they were read, as HTTP/1.1 requires of pipelined requests
 * (RFC 9112 §9.3.2), however long each one's work takes: a request gets a {@link ResponseTicket} as its head is
 * read, and a ticket's response is written only once every earlier ticket's has been. Responses written through
 * the pipeline while a request is read (the aggregator's 413 or 100 Continue) belong to that request. Nothing is
 * read past a request whose answer closes the connection, so every request that runs gets its answer.
 */
final class InOrderResponses extends ChannelDuplexHandler {

    /** Tickets whose final response has not been written yet, oldest first. Event loop only. */
    private final ArrayDeque<ResponseTicket> unanswered = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ResponseTicket reading;
    private boolean closeAfterRequestBeingRead;
    private boolean readingStopped;

    static boolean isFinalResponse(Object message) {
        return message instanceof HttpResponse response && message instanceof LastHttpContent
                && response.status().codeClass() != HttpStatusClass.INFORMATIONAL;
    }

    private static boolean closesConnection(Object message) {
        return message instanceof HttpResponse response
                && response.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (readingStopped) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            reading = new ResponseTicket(this);
            unanswered.add(reading);
            closeAfterRequestBeingRead = !HttpUtil.isKeepAlive(request);
        }
        if (msg instanceof LastHttpContent && closeAfterRequestBeingRead) {
            readingStopped = true;
        }
        ctx.fireChannelRead(msg);
    }

    ResponseTicket ticketOfRequestBeingRead() {
        if (reading == null) {
            throw new IllegalStateException("no request has been read on this connection");
        }
        return reading;
    }

    /** Writes made while a request is read answer that request, in its turn. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (reading != null && !reading.answered()) {
            enqueue(reading, msg, promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    /** Called from any thread with a ticket's final response. */
    void answer(ResponseTicket ticket, Object response) {
        if (ctx.executor().inEventLoop()) {
            enqueue(ticket, response, ctx.newPromise());
            return;
        }
        try {
            ctx.executor().execute(() -> enqueue(ticket, response, ctx.newPromise()));
        } catch (RejectedExecutionException e) {
            ReferenceCountUtil.release(response);
        }
    }

    private void enqueue(ResponseTicket ticket, Object msg, ChannelPromise promise) {
        if (!ctx.channel().isActive() || ctx.isRemoved() || ticket.answered()) {
            ReferenceCountUtil.release(msg);
            promise.tryFailure(new ClosedChannelException());
            return;
        }
        ticket.add(new ResponseTicket.PendingWrite(msg, promise), isFinalResponse(msg));
        if (closesConnection(msg)) {
            readingStopped = true;
        }
        writeInOrder();
    }

    private void writeInOrder() {
        boolean wrote = false;
        while (!unanswered.isEmpty()) {
            ResponseTicket oldest = unanswered.peek();
            for (ResponseTicket.PendingWrite write : oldest.writes()) {
                ctx.write(write.message(), write.promise());
                wrote = true;
                if (closesConnection(write.message())) {
                    write.promise().addListener(ChannelFutureListener.CLOSE);
                    oldest.writes().clear();
                    ctx.flush();
                    discardUnwritten();
                    return;
                }
            }
            oldest.writes().clear();
            if (!oldest.answered()) {
                break;
            }
            unanswered.poll();
        }
        if (wrote) {
            ctx.flush();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        discardUnwritten();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discardUnwritten();
    }

    private void discardUnwritten() {
        for (ResponseTicket ticket : unanswered) {
            for (ResponseTicket.PendingWrite write : ticket.writes()) {
                ReferenceCountUtil.release(write.message());
                write.promise().tryFailure(new ClosedChannelException());
            }
            ticket.writes().clear();
        }
        unanswered.clear();
    }
}
