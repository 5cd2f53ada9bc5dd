package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.RotationService;

/** DisableKeyRotation: stops automatic rotation; material made so far stays. */
public final class DisableKeyRotation implements Operation {

    private final RotationService rotation;

    public DisableKeyRotation(RotationService rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "DisableKeyRotation";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.validate();
        rotation.disable(context.scope(), keyId);
        return null;
    }
}
