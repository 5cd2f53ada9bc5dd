package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.RotationService;

/** GetKeyRotationStatus: whether automatic rotation is on, its period and the next rotation date. */
public final class GetKeyRotationStatus implements Operation {

    private final RotationService rotation;

    public GetKeyRotationStatus(RotationService rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "GetKeyRotationStatus";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.validate();
        RotationService.Status status = rotation.status(context.scope(), keyId);
        JsonResponse json = JsonResponse.create()
                .bool("KeyRotationEnabled", status.enabled())
                .string("KeyId", status.key().arn());
        if (status.enabled()) {
            json.integer("RotationPeriodInDays", status.key().rotation().periodInDays())
                    .time("NextRotationDate", status.key().rotation().nextRotationDate());
        }
        return json;
    }
}
