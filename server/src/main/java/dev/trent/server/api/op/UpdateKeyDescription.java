package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;

/** UpdateKeyDescription: replaces the description (0 to 8192 characters). */
public final class UpdateKeyDescription implements Operation {

    private final KeyService keys;

    public UpdateKeyDescription(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "UpdateKeyDescription";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        String description = request.requiredString("Description", 0, 8192);
        request.validate();
        keys.updateDescription(context.scope(), keyId, description);
        return null;
    }
}
