package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Paging;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.KmsKey;
import dev.trent.server.service.KeyService;

/** ListKeys: the keys of the caller's account and Region, oldest first; Limit 1..1000, default 100. */
public final class ListKeys implements Operation {

    private final KeyService keys;

    public ListKeys(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "ListKeys";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        Paging.Page<KmsKey> page = Paging.page(request, keys.list(context.scope()), 100, 1000);
        return page.describe(JsonResponse.create().objects("Keys", page.items().stream()
                .map(k -> JsonResponse.create().string("KeyId", k.id().value()).string("KeyArn", k.arn()))
                .toList()));
    }
}
