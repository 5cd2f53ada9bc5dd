package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;
import dev.trent.server.api.Paging;
import java.util.ArrayList;
import java.util.Map;

/** ListResourceTags: a key's tags in the order they were added; Limit 1..50, default 50. */
public final class ListResourceTags implements Operation {

    private final KeyService keys;

    public ListResourceTags(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "ListResourceTags";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        Paging.Request paging = Paging.read(request);
        request.validate();
        var tags = new ArrayList<Map.Entry<String, String>>(keys.tags(context.scope(), keyId).entrySet());
        Paging.Page<Map.Entry<String, String>> page = paging.page(tags, 50, 50);
        return page.describe(JsonResponse.create().objects("Tags", page.items().stream()
                .map(t -> JsonResponse.create().string("TagKey", t.getKey()).string("TagValue", t.getValue()))
                .toList()));
    }
}
