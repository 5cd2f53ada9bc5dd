package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.RotationService;

/** RotateKeyOnDemand: new key material now; at most 25 times per key. */
public final class RotateKeyOnDemand implements Operation {

    private final RotationService rotation;

    public RotateKeyOnDemand(RotationService rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "RotateKeyOnDemand";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.validate();
        return JsonResponse.create().string("KeyId", rotation.rotateOnDemand(context.scope(), keyId).arn());
    }
}
