package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.RotationService;

/** EnableKeyRotation: automatic rotation every RotationPeriodInDays (90 to 2560, default 365). */
public final class EnableKeyRotation implements Operation {

    private final RotationService rotation;

    public EnableKeyRotation(RotationService rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "EnableKeyRotation";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        int period = request.integer("RotationPeriodInDays", 90, 2560).orElse(RotationService.DEFAULT_PERIOD_DAYS);
        request.validate();
        rotation.enable(context.scope(), keyId, period);
        return null;
    }
}
