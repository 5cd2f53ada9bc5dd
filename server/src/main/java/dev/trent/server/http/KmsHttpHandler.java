package dev.trent.server.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.RequestContext;
import dev.trent.server.api.WorkLanes;
import dev.trent.server.audit.AuditTrail;
import dev.trent.server.audit.KmsCalls;
import dev.trent.server.auth.AuthenticationException;
import dev.trent.server.auth.SignedRequest;
import dev.trent.server.cloudtrail.CloudTrailApi;
import dev.trent.server.error.ThrottlingException;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The thin edge: turns a {@code POST /} with {@code X-Amz-Target} into a dispatch and the result into an
 * awsJson1.1 response. The dispatch runs on the business executor, never on the event loop, because
 * control-plane operations write to SQLite and RSA work takes milliseconds.
 */
public final class KmsHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = Logger.getLogger(KmsHttpHandler.class.getName());
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String REQUEST_ID = "x-amzn-RequestId";

    private final Dispatcher dispatcher;
    private final Lanes lanes;
    private final KmsAuthentication authentication;
    private final CallRecorder recorder;
    private final CloudTrailApi cloudTrail;

    /** Picks the executor a request runs on. */
    @FunctionalInterface
    public interface Lanes {
        Executor forRequest(String target, byte[] body);
    }

    /** A handler running every request on {@code executor}. */
    public KmsHttpHandler(Dispatcher dispatcher, Executor executor, Accounts accounts, String defaultRegion) {
        this(dispatcher, (target, body) -> executor, accounts, defaultRegion);
    }

    /** A handler that checks no signatures ({@code --auth off}). */
    public KmsHttpHandler(Dispatcher dispatcher, Lanes lanes, Accounts accounts, String defaultRegion) {
        this(dispatcher, lanes, KmsAuthentication.off(accounts, defaultRegion));
    }

    public KmsHttpHandler(Dispatcher dispatcher, Lanes lanes, KmsAuthentication authentication) {
        this(dispatcher, lanes, authentication, null);
    }

    /** A handler recording every call it answers in {@code trail} (none when null). */
    public KmsHttpHandler(Dispatcher dispatcher, Lanes lanes, KmsAuthentication authentication, AuditTrail trail) {
        this(dispatcher, lanes, authentication, trail, null);
    }

    /** As above, also answering the CloudTrail API ({@code cloudTrail}; none when null) on the same endpoint. */
    public KmsHttpHandler(Dispatcher dispatcher, Lanes lanes, KmsAuthentication authentication, AuditTrail trail,
                          CloudTrailApi cloudTrail) {
        this.dispatcher = dispatcher;
        this.lanes = lanes;
        this.authentication = authentication;
        this.recorder = CallRecorder.of(trail);
        this.cloudTrail = cloudTrail;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        ResponseTicket ticket = ResponseTicket.of(ctx);
        String requestId = UUID.randomUUID().toString();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            write(ticket, HttpResponseStatus.BAD_REQUEST, error("SerializationException", "Malformed HTTP request."),
                    requestId, false);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            write(ticket, HttpResponseStatus.METHOD_NOT_ALLOWED,
                    error("UnknownOperationException", "Trent answers the KMS protocol with POST /."), requestId, keepAlive);
            return;
        }
        String target = request.headers().get("X-Amz-Target");
        byte[] body = ByteBufUtil.getBytes(request.content());
        SignedRequest signed = SignedRequests.copyOf(request, body);
        String sourceIp = ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress address
                && address.getAddress() != null ? address.getAddress().getHostAddress() : null;
        boolean secureTransport = ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null;
        try {
            lanes.forRequest(target, body).execute(() -> {
                try {
                    if (cloudTrail != null && CloudTrailApi.isCloudTrail(target)) {
                        // Searching the trail is not itself recorded, so a search never changes what it finds.
                        RequestContext asker = authentication.contextFor(signed, requestId, CloudTrailApi.SERVICE);
                        CloudTrailApi.Answer answer = cloudTrail.handle(target, body, asker.scope().account(),
                                asker.scope().region());
                        write(ticket, HttpResponseStatus.valueOf(answer.status()), answer.body(), requestId, keepAlive);
                        return;
                    }
                    // Verified here, off the event loop: hashing a large body takes a few milliseconds.
                    RequestContext context = authentication.contextFor(signed, requestId)
                            .from(sourceIp, secureTransport);
                    Dispatcher.Result result = recorder.record(
                            () -> KmsCalls.describe(target, body, context.scope().region(),
                                    CallRecorder.identity(context.principal(), context.scope().account(), signed),
                                    sourceIp, CallRecorder.userAgent(signed), requestId),
                            () -> dispatcher.dispatch(target, body, context),
                            answer -> KmsCalls.outcome(KmsCalls.eventName(target), answer.status(), answer.body()));
                    write(ticket, HttpResponseStatus.valueOf(result.status()), result.body(), requestId, keepAlive);
                } catch (AuditTrail.Full e) {
                    Dispatcher.Result refused = Dispatcher.refused(
                            new ThrottlingException(CallRecorder.FULL_MESSAGE));
                    write(ticket, HttpResponseStatus.valueOf(refused.status()), refused.body(), requestId, keepAlive);
                } catch (AuthenticationException e) {
                    // The SDKs correct their clock by the Date of a refusal, so they recover after the clock moved.
                    FullHttpResponse refusal = response(HttpResponseStatus.BAD_REQUEST,
                            error(e.failure().jsonType(), e.getMessage()), requestId);
                    refusal.headers().set(HttpHeaderNames.DATE,
                            DateFormatter.format(Date.from(authentication.serverTime())));
                    ticket.send(refusal, keepAlive);
                } catch (Error e) {
                    // The dispatcher answers every exception; an Error still deserves an answer, not a hang.
                    write(ticket, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                            error("KMSInternalException", "An internal error occurred."), requestId, false);
                    throw e;
                }
            });
        } catch (WorkLanes.Full e) {
            Dispatcher.Result refused = Dispatcher.refused(new ThrottlingException());
            write(ticket, HttpResponseStatus.valueOf(refused.status()), refused.body(), requestId, keepAlive);
        } catch (RejectedExecutionException e) {
            write(ticket, HttpResponseStatus.SERVICE_UNAVAILABLE,
                    error("KMSInternalException", "Trent is shutting down."), requestId, false);
        }
    }

    private static byte[] error(String type, String message) {
        // Messages may echo what the client sent (an Authorization header), so they are escaped.
        return ("{\"__type\":\"" + type + "\",\"message\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ResponseTicket ticket, HttpResponseStatus status, byte[] body, String requestId,
                              boolean keepAlive) {
        ticket.send(response(status, body, requestId), keepAlive);
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body, String requestId) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .set(REQUEST_ID, requestId)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, cause, () -> "closing the connection from " + ctx.channel().remoteAddress()
                + " after an error");
        ctx.close();
    }
}
