package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;

/** DisableKey: sets a key Disabled; it then refuses cryptographic use. */
public final class DisableKey implements Operation {

    private final KeyService keys;

    public DisableKey(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "DisableKey";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.validate();
        keys.disable(context.scope(), keyId);
        return null;
    }
}
