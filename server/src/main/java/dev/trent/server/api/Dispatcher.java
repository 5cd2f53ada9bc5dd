package dev.trent.server.api;

import dev.trent.server.error.KMSInternalException;
import dev.trent.server.error.KmsException;
import dev.trent.server.error.UnknownOperationException;
import dev.trent.server.key.lifecycle.Attribution;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a target and a body into a response: the one place that calls an operation and the one place that
 * catches what it throws. Knows nothing of HTTP.
 */
public final class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final String TARGET_PREFIX = "TrentService.";

    /** Status and JSON body; a null body means an empty one. */
    public record Result(int status, byte[] body) {
    }

    private final Map<String, Operation> operations;
    private final RequestGate gate;

    public Dispatcher(OperationRegistry registry) {
        this(registry, new RequestGate());
    }

    /** A dispatcher whose requests pass through {@code gate}, so work that needs them all held back can. */
    public Dispatcher(OperationRegistry registry, RequestGate gate) {
        this.operations = registry.operations();
        this.gate = gate;
    }

    public Result dispatch(String target, byte[] body, RequestContext context) {
        try {
            Operation operation = target == null || !target.startsWith(TARGET_PREFIX) ? null
                    : operations.get(target.substring(TARGET_PREFIX.length()));
            if (operation == null) {
                throw new UnknownOperationException(null);
            }
            JsonRequest request = JsonRequest.parse(body);
            JsonResponse response = gate.request(() -> new Attribution(operation.name(), context.caller(), null)
                    .during(() -> operation.handle(context, request)));
            return new Result(200, response == null ? new byte[0]
                    : JsonRequest.JSON.writeValueAsBytes(response.node()));
        } catch (KmsException e) {
            return error(e);
        } catch (RuntimeException | java.io.IOException e) {
            LOG.log(Level.SEVERE, "request " + context.requestId() + " failed", e);
            return error(new KMSInternalException("An internal error occurred; see the Trent log for request "
                    + context.requestId() + ".", e));
        }
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
