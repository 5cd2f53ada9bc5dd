package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Paging;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.PolicyService;

/** ListKeyPolicies: always the one name {@code default}; Limit 1..1000, default 100. */
public final class ListKeyPolicies implements Operation {

    private final PolicyService policies;

    public ListKeyPolicies(PolicyService policies) {
        this.policies = policies;
    }

    @Override
    public String name() {
        return "ListKeyPolicies";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        Paging.Request paging = Paging.read(request);
        request.validate();
        Paging.Page<String> page = paging.page(policies.names(context.scope(), keyId), 100, 1000);
        return page.describe(JsonResponse.create().names("PolicyNames", page.items()));
    }
}
