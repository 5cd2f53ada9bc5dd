package dev.trent.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A last handler for pipeline tests: takes each request's ticket and answers only when the test says so. */
final class TicketKeeper extends SimpleChannelInboundHandler<FullHttpRequest> {

    final List<String> uris = new ArrayList<>();
    final List<ResponseTicket> tickets = new ArrayList<>();

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        tickets.add(ResponseTicket.of(ctx));
        uris.add(request.uri());
    }

    /** Answers the n-th request read with a 200 whose body is that request's URI. */
    void answer(int n) {
        tickets.get(n).send(response(HttpResponseStatus.OK, uris.get(n)), true);
    }

    static FullHttpResponse response(HttpResponseStatus status, String body) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    }
}
