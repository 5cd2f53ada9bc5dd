package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;
import java.util.List;

/** UntagResource: removes tags by key; keys that are not there are ignored, as in AWS. */
public final class UntagResource implements Operation {

    private final KeyService keys;

    public UntagResource(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "UntagResource";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.required("TagKeys");
        List<String> tagKeys = request.list("TagKeys", Integer.MAX_VALUE, (node, path, r) -> r.elementText(node, path, 1, 128));
        request.validate();
        keys.untag(context.scope(), keyId, tagKeys);
        return null;
    }
}
