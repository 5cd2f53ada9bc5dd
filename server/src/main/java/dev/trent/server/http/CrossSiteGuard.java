package dev.trent.server.http;

import dev.trent.server.admin.AdminResponse;
import dev.trent.server.api.ErrorMapper;
import dev.trent.server.error.AccessDeniedException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses, before any handler acts on it, a request that {@link CrossSiteRules} says a web page made: an admin
 * path gets 403 with the admin API's {@code {"error", "message"}}, anything else KMS's
 * {@code AccessDeniedException} (HTTP 400, as KMS answers every client error). The answer carries no
 * {@code Access-Control-Allow-*} header, so a browser's preflight fails too.
 */
@Sharable
public final class CrossSiteGuard extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(CrossSiteGuard.class.getName());

    private final CrossSiteRules rules;
    // A hostile page can make a browser send refused requests as fast as it likes; the log must not follow it.
    private final ThrottledLog refusals = new ThrottledLog(LOG, Level.WARNING, Clock.systemUTC(), Duration.ofSeconds(10));

    public CrossSiteGuard(CrossSiteRules rules) {
        this.rules = rules;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request && request.decoderResult().isSuccess()) {
            Optional<String> refusal = rules.refusal(request.method(), request.headers());
            if (refusal.isPresent()) {
                boolean keepAlive = HttpUtil.isKeepAlive(request);
                String uri = request.uri();
                String refused = request.method() + " " + uri + " refused: " + refusal.get();
                refusals.event(count -> count == 1 ? refused
                        : refused + " (and " + (count - 1) + " more refused since the last such line)", null);
                request.release();
                ResponseTicket.of(ctx).send(AdminHttpHandler.isAdminPath(uri)
                        ? adminRefusal(refusal.get()) : kmsRefusal(refusal.get()), keepAlive);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static FullHttpResponse adminRefusal(String message) {
        FullHttpResponse response = response(HttpResponseStatus.FORBIDDEN,
                AdminResponse.error(403, "Forbidden", message).bodyBytes());
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, AdminHttpHandler.CONTENT_TYPE);
        return response;
    }

    private static FullHttpResponse kmsRefusal(String message) {
        ErrorMapper.ErrorResponse error = ErrorMapper.map(new AccessDeniedException(message));
        FullHttpResponse response = response(HttpResponseStatus.valueOf(error.status()),
                error.body().toString().getBytes(StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, KmsHttpHandler.CONTENT_TYPE)
                .set(KmsHttpHandler.REQUEST_ID, UUID.randomUUID().toString());
        return response;
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
