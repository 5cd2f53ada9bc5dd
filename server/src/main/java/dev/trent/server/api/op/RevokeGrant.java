package dev.trent.server.api.op;

import dev.trent.server.api.GrantMembers;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.GrantService;

/** RevokeGrant: deletes a grant named by KeyId and GrantId. No response body. */
public final class RevokeGrant implements Operation {

    private final GrantService grants;

    public RevokeGrant(GrantService grants) {
        this.grants = grants;
    }

    @Override
    public String name() {
        return "RevokeGrant";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        String grantId = request.requiredString("GrantId", 1, 128);
        boolean dryRun = request.bool("DryRun");
        request.validate();
        grants.revoke(context.scope(), keyId, grantId, dryRun);
        return null;
    }
}
