package dev.trent.server.http;

import dev.trent.server.admin.AdminResponse;
import dev.trent.server.admin.AdminRouter;
import dev.trent.server.api.WorkLanes;
import dev.trent.server.audit.AuditTrail;
import dev.trent.server.audit.TrentEvents;
import dev.trent.server.audit.UserIdentity;
import dev.trent.server.auth.SignedRequest;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The admin API's edge, in front of the {@link KmsHttpHandler} on the same port: it takes the requests whose
 * path starts with one of {@link AdminRouter#PREFIXES} ({@code /_trent/}, {@code /_localstack/},
 * {@code /moto-api/}) and lets every other request through to KMS. Admin
 * requests are plain JSON over HTTP, SigV4-checked only when {@code --auth} is not {@code off}
 * ({@link AdminAuthentication}); like KMS requests they run on the business executor, since moving the clock
 * fires rotations and deletions that write to storage, and so does the signature check.
 */
public final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String CONTENT_TYPE = "application/json";

    private final AdminRouter router;
    private final Executor executor;
    private final AdminAuthentication authentication;
    private final CallRecorder recorder;
    private final String account;
    private final String region;

    /** An admin API open to anyone who can connect ({@code --auth off}). */
    public AdminHttpHandler(AdminRouter router, Executor executor) {
        this(router, executor, AdminAuthentication.off());
    }

    public AdminHttpHandler(AdminRouter router, Executor executor, AdminAuthentication authentication) {
        this(router, executor, authentication, null, null, null);
    }

    /**
     * A handler recording every admin request that may change something (any method but GET) in {@code trail}
     * (none when null), as a call of the root of {@code account} in {@code region} when signatures are not checked.
     */
    public AdminHttpHandler(AdminRouter router, Executor executor, AdminAuthentication authentication,
                            AuditTrail trail, String account, String region) {
        this.router = router;
        this.executor = executor;
        this.authentication = authentication;
        this.recorder = CallRecorder.of(trail);
        this.account = account;
        this.region = region;
    }

    /** Only well-formed admin requests; everything else goes on down the pipeline untouched. */
    @Override
    public boolean acceptInboundMessage(Object msg) {
        return msg instanceof FullHttpRequest request && request.decoderResult().isSuccess()
                && isAdminPath(request.uri());
    }

    static boolean isAdminPath(String uri) {
        for (String prefix : AdminRouter.PREFIXES) {
            String root = prefix.substring(0, prefix.length() - 1);
            if (uri.startsWith(prefix) || uri.equals(root) || uri.startsWith(root + "?")) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        ResponseTicket ticket = ResponseTicket.of(ctx);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String method = request.method().name();
        String uri = request.uri();
        byte[] body = ByteBufUtil.getBytes(request.content());
        SignedRequest signed = SignedRequests.copyOf(request, body);
        String sourceIp = ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress address
                && address.getAddress() != null ? address.getAddress().getHostAddress() : null;
        try {
            executor.execute(() -> {
                try {
                    Optional<AdminResponse> refused = authentication.refusal(signed);
                    AdminResponse answer;
                    if (refused.isPresent()) {
                        answer = refused.get();
                    } else if ("GET".equals(method)) {
                        // Reads (health checks, above all) would flood the trail and change nothing.
                        answer = router.handle(method, uri, body);
                    } else {
                        answer = recorder.record(
                                () -> TrentEvents.adminCall(method, signed.rawPath(), body, region,
                                        new UserIdentity(authentication.caller(signed, account),
                                                CallRecorder.accessKey(signed)),
                                        sourceIp, CallRecorder.userAgent(signed), null),
                                () -> router.handle(method, uri, body),
                                done -> TrentEvents.adminOutcome(done.status(), done.bodyBytes()));
                    }
                    write(ticket, answer, keepAlive);
                } catch (AuditTrail.Full e) {
                    write(ticket, AdminResponse.error(429, "Throttled", CallRecorder.FULL_MESSAGE), keepAlive);
                } catch (Error e) {
                    // The router answers every exception; an Error still deserves an answer, not a hang.
                    write(ticket, AdminResponse.error(500, "InternalError", "An internal error occurred."), false);
                    throw e;
                }
            });
        } catch (WorkLanes.Full e) {
            write(ticket, AdminResponse.error(429, "Throttled", "Too many requests are waiting; retry later."), keepAlive);
        } catch (RejectedExecutionException e) {
            write(ticket, AdminResponse.error(503, "ShuttingDown", "Trent is shutting down."), false);
        }
    }

    private static void write(ResponseTicket ticket, AdminResponse answer, boolean keepAlive) {
        byte[] body = answer.bodyBytes();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(body));
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        if (body.length > 0 && !answer.headers().containsKey("Content-Type")) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ticket.send(response, keepAlive);
    }
}
