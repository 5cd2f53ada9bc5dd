package dev.trent.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Netty's aggregator, answering an oversized request in the protocol's shape (JSON error, request id) rather
 * than with a bare 413, and closing the connection since the rest of the body is not read.
 */
final class BoundedAggregator extends HttpObjectAggregator {

    private final int maxBytes;

    BoundedAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.writeAndFlush(tooLarge()).addListener(ChannelFutureListener.CLOSE);
    }

    /** A client that sent "Expect: 100-continue" with a too large Content-Length gets the same answer. */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse r && HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.equals(r.status())) {
            ReferenceCountUtil.release(response);
            return tooLarge();
        }
        return response;
    }

    private FullHttpResponse tooLarge() {
        byte[] body = ("{\"__type\":\"SerializationException\",\"message\":\"The request body is larger than "
                + maxBytes + " bytes.\"}").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, KmsHttpHandler.CONTENT_TYPE)
                .set(KmsHttpHandler.REQUEST_ID, UUID.randomUUID().toString())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
