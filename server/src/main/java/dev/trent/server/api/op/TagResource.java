package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;

/** TagResource: adds tags or replaces their values; at most 50 per key, none beginning with aws:. */
public final class TagResource implements Operation {

    private final KeyService keys;

    public TagResource(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "TagResource";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.required("Tags");
        var tags = Members.tags(request);
        request.validate();
        keys.tag(context.scope(), keyId, tags);
        return null;
    }
}
