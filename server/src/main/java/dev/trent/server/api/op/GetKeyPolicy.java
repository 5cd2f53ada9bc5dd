package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.PolicyMembers;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.PolicyService;

/** GetKeyPolicy: the key's policy document, exactly as it was stored, and its name ({@code default}). */
public final class GetKeyPolicy implements Operation {

    private final PolicyService policies;

    public GetKeyPolicy(PolicyService policies) {
        this.policies = policies;
    }

    @Override
    public String name() {
        return "GetKeyPolicy";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        String policyName = PolicyMembers.policyName(request);
        request.validate();
        PolicyService.Policy policy = policies.get(context.scope(), keyId, policyName);
        return JsonResponse.create().string("Policy", policy.document()).string("PolicyName", policy.name());
    }
}
