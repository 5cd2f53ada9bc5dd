package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;
import dev.trent.server.key.KmsKey;

/** ScheduleKeyDeletion: a waiting period of 7 to 30 days (default 30), after which the sweeper destroys the key. */
public final class ScheduleKeyDeletion implements Operation {

    private final KeyService keys;

    public ScheduleKeyDeletion(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "ScheduleKeyDeletion";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        int window = request.integer("PendingWindowInDays", 7, 30).orElse(30);
        request.validate();
        KmsKey key = keys.scheduleDeletion(context.scope(), keyId, window);
        return JsonResponse.create()
                .string("KeyId", key.arn())
                .time("DeletionDate", key.deletionDate())
                .string("KeyState", key.state())
                .integer("PendingWindowInDays", key.pendingWindowInDays());
    }
}
