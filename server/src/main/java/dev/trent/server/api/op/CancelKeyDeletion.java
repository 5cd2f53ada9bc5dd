package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;

/** CancelKeyDeletion: the key leaves PendingDeletion and ends Disabled, as in AWS. */
public final class CancelKeyDeletion implements Operation {

    private final KeyService keys;

    public CancelKeyDeletion(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "CancelKeyDeletion";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.validate();
        return JsonResponse.create().string("KeyId", keys.cancelDeletion(context.scope(), keyId).arn());
    }
}
