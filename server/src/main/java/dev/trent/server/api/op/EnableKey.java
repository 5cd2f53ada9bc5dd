package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;

/** EnableKey: sets a key Enabled. */
public final class EnableKey implements Operation {

    private final KeyService keys;

    public EnableKey(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "EnableKey";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.validate();
        keys.enable(context.scope(), keyId);
        return null;
    }
}
