package dev.trent.server.http;

import dev.trent.server.api.WorkLanes;
import dev.trent.server.audit.AuditTrail;
import dev.trent.server.audit.QueryCalls;
import dev.trent.server.audit.UserIdentity;
import dev.trent.server.auth.SignedRequest;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryError;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.QueryService;
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
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Takes the requests of the services that speak the query protocol (IAM, STS) off the pipeline before the KMS
 * handler: a form-encoded {@code POST} without {@code X-Amz-Target}. The service is the one the SigV4 credential
 * scope names, or, for an unsigned request or one scoped to another service, the one that knows the Action.
 */
public final class QueryHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String CONTENT_TYPE = "text/xml";

    private final List<QueryService> services;
    private final QueryAuthentication authentication;
    private final Executor executor;
    private final CallRecorder recorder;

    public QueryHttpHandler(List<QueryService> services, QueryAuthentication authentication, Executor executor) {
        this(services, authentication, executor, null);
    }

    /** A handler recording every call whose caller is known in {@code trail} (none when null). */
    public QueryHttpHandler(List<QueryService> services, QueryAuthentication authentication, Executor executor,
                            AuditTrail trail) {
        this.services = List.copyOf(services);
        this.authentication = authentication;
        this.executor = executor;
        this.recorder = CallRecorder.of(trail);
    }

    @Override
    public boolean acceptInboundMessage(Object msg) {
        return msg instanceof FullHttpRequest request && request.decoderResult().isSuccess()
                && HttpMethod.POST.equals(request.method()) && !request.headers().contains("X-Amz-Target")
                && request.headers().get(HttpHeaderNames.CONTENT_TYPE, "").toLowerCase(Locale.ROOT)
                        .startsWith(FORM);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        ResponseTicket ticket = ResponseTicket.of(ctx);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String requestId = UUID.randomUUID().toString();
        byte[] body = ByteBufUtil.getBytes(request.content());
        SignedRequest signed = SignedRequests.copyOf(request, body);
        String target = SignedRequests.originForm(request.uri());
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        String sourceIp = ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress address
                && address.getAddress() != null ? address.getAddress().getHostAddress() : null;
        try {
            executor.execute(() -> answer(ticket, keepAlive, requestId, signed, query, body, sourceIp));
        } catch (WorkLanes.Full e) {
            send(ticket, services.get(0).refusal(new QueryException(QueryError.THROTTLING, "Rate exceeded"),
                    requestId), requestId, keepAlive);
        } catch (RejectedExecutionException e) {
            send(ticket, services.get(0).refusal(new QueryException(QueryError.SERVICE_UNAVAILABLE,
                    "Trent is shutting down."), requestId), requestId, false);
        }
    }

    private void answer(ResponseTicket ticket, boolean keepAlive, String requestId, SignedRequest signed,
                        String query, byte[] body, String sourceIp) {
        QueryService.Answer answer;
        QueryService service = services.get(0);
        try {
            QueryRequest parsed = QueryRequest.parse(query, body);
            service = serviceFor(signed, parsed);
            QueryCaller caller = authentication.callerFor(signed, service.name());
            QueryService called = service;
            answer = recorder.record(
                    () -> QueryCalls.describe(called.name(), parsed.parameters(), caller.region(),
                            new UserIdentity(caller.principal(), caller.accessKeyId()), sourceIp,
                            CallRecorder.userAgent(signed), requestId),
                    () -> called.handle(parsed, caller, requestId),
                    done -> QueryCalls.outcome(done.status(), done.body()));
        } catch (AuditTrail.Full e) {
            answer = service.refusal(new QueryException(QueryError.THROTTLING, CallRecorder.FULL_MESSAGE), requestId);
        } catch (QueryException e) {
            answer = service.refusal(e, requestId);
            FullHttpResponse refusal = response(answer, requestId);
            // The SDKs correct their clock by the Date of a refusal, so they recover after the clock moved.
            refusal.headers().set(HttpHeaderNames.DATE, DateFormatter.format(Date.from(authentication.serverTime())));
            ticket.send(refusal, keepAlive);
            return;
        }
        send(ticket, answer, requestId, keepAlive);
    }

    private QueryService serviceFor(SignedRequest signed, QueryRequest request) {
        Optional<String> scoped = SigV4Scope.serviceOf(signed.first("Authorization").orElse(null));
        for (QueryService service : services) {
            if (scoped.isPresent() && scoped.get().equals(service.name())) {
                return service;
            }
        }
        String action = request.action().orElse("");
        for (QueryService service : services) {
            if (service.actions().contains(action)) {
                return service;
            }
        }
        return services.get(0);
    }

    private static void send(ResponseTicket ticket, QueryService.Answer answer, String requestId, boolean keepAlive) {
        ticket.send(response(answer, requestId), keepAlive);
    }

    private static FullHttpResponse response(QueryService.Answer answer, String requestId) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .set("x-amzn-RequestId", requestId)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        return response;
    }
}
