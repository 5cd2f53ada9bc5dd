package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.error.UnsupportedOperationException;

/**
 * An operation of the KMS model that Trent does not implement yet. It answers UnsupportedOperationException
 * naming the operation, so a client learns the truth instead of an UnknownOperationException.
 */
public final class NotYetImplemented implements Operation {

    private final String name;

    public NotYetImplemented(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        throw new UnsupportedOperationException(name + " is not implemented by this version of Trent.");
    }
}
