package dev.trent.server.api;

import dev.trent.server.error.KMSInternalException;
import dev.trent.server.error.KmsException;
import dev.trent.server.error.UnknownOperationException;
import dev.trent.server.key.lifecycle.Attribution;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a target and a body into a response: the one place that calls an operation and the one place that
 * catches what it throws. Knows nothing of HTTP.
 */
public final class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final String TARGET_PREFIX = "TrentService.";
    /** How often one cause of failure may write its full stack trace. */
    public static final Duration TRACE_INTERVAL = Duration.ofMinutes(1);

    /** Status and JSON body; a null body means an empty one. */
    public record Result(int status, byte[] body) {
    }

    private final Map<String, Operation> operations;
    private final RequestGate gate;
    private final StackTraceLimiter traces;
    private final Consumer<List<String>> grantTokenCheck;
    private final RequestAuthorization authorization;

    public Dispatcher(OperationRegistry registry) {
        this(registry, new RequestGate(), Clock.systemUTC());
    }

    /** A dispatcher whose requests pass through {@code gate}, so work that needs them all held back can. */
    public Dispatcher(OperationRegistry registry, RequestGate gate) {
        this(registry, gate, Clock.systemUTC());
    }

    /**
     * A dispatcher whose requests pass through {@code gate}, so work that needs them all held back can; the log's
     * stack traces are limited by {@code clock}'s time.
     */
    public Dispatcher(OperationRegistry registry, RequestGate gate, Clock clock) {
        this(registry, gate, clock, RequestAuthorization.NONE);
    }

    /** As {@link #Dispatcher(OperationRegistry, RequestGate, Clock)}, with every operation judged by {@code authorization}. */
    public Dispatcher(OperationRegistry registry, RequestGate gate, Clock clock, RequestAuthorization authorization) {
        this.authorization = authorization;
        this.operations = registry.operations();
        this.grantTokenCheck = registry.grantTokenCheck();
        this.gate = gate;
        this.traces = new StackTraceLimiter(clock, TRACE_INTERVAL);
    }

    public Result dispatch(String target, byte[] body, RequestContext context) {
        try {
            Operation operation = target == null || !target.startsWith(TARGET_PREFIX) ? null
                    : operations.get(target.substring(TARGET_PREFIX.length()));
            if (operation == null) {
                throw new UnknownOperationException(null);
            }
            Regions.checkCredentialScope(context.scope().region());
            JsonRequest request = JsonRequest.parse(body);
            request.checkGrantTokensWith(grantTokenCheck);
            JsonResponse response = gate.request(() -> new Attribution(operation.name(), context.caller(), null)
                    .during(() -> authorization.run(operation.name(), request, context,
                            () -> operation.handle(context, request))));
            return new Result(200, response == null ? new byte[0]
                    : JsonRequest.JSON.writeValueAsBytes(response.node()));
        } catch (KmsException e) {
            return error(e);
        } catch (RuntimeException | java.io.IOException e) {
            log(context, e);
            return error(new KMSInternalException("An internal error occurred; see the Trent log for request "
                    + context.requestId() + ".", e));
        }
    }

    private void log(RequestContext context, Exception e) {
        StackTraceLimiter.Verdict verdict = traces.admit(e);
        if (verdict.fullTrace()) {
            LOG.log(Level.SEVERE, "request " + context.requestId() + " failed" + (verdict.suppressed() == 0 ? ""
                    : " (" + verdict.suppressed() + " earlier failures of this cause logged without a trace)"), e);
        } else {
            LOG.severe("request " + context.requestId() + " failed: " + verdict.cause()
                    + " (trace already logged within " + TRACE_INTERVAL.toMinutes() + " min)");
        }
    }

    /** The answer to a request refused before it reached an operation, e.g. throttled at the door. */
    public static Result refused(KmsException e) {
        return error(e);
    }

    private static Result error(KmsException e) {
        ErrorMapper.ErrorResponse response = ErrorMapper.map(e);
        try {
            return new Result(response.status(), JsonRequest.JSON.writeValueAsBytes(response.body()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
