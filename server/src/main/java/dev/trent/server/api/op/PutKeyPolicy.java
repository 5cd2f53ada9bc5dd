package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.PolicyMembers;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.PolicyService;

/** PutKeyPolicy: replaces the key's policy after checking it; no response body (the model has no output). */
public final class PutKeyPolicy implements Operation {

    private final PolicyService policies;

    public PutKeyPolicy(PolicyService policies) {
        this.policies = policies;
    }

    @Override
    public String name() {
        return "PutKeyPolicy";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        String policyName = PolicyMembers.policyName(request);
        String policy = PolicyMembers.requiredPolicy(request);
        boolean bypass = request.bool("BypassPolicyLockoutSafetyCheck");
        request.validate();
        policies.put(context.scope(), keyId, policyName, policy, bypass);
        return null;
    }
}
