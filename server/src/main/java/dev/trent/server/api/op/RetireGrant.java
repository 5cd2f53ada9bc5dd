package dev.trent.server.api.op;

import dev.trent.server.api.GrantMembers;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.error.ValidationException;
import dev.trent.server.service.GrantService;

/**
 * RetireGrant: names the grant by its token, or by KeyId and GrantId together; the token wins when both are
 * given. No response body.
 */
public final class RetireGrant implements Operation {

    private final GrantService grants;

    public RetireGrant(GrantService grants) {
        this.grants = grants;
    }

    @Override
    public String name() {
        return "RetireGrant";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String token = GrantMembers.grantToken(request).orElse(null);
        String keyId = request.string("KeyId", 1, Members.KEY_ID_MAX).orElse(null);
        String grantId = GrantMembers.grantId(request).orElse(null);
        boolean dryRun = request.bool("DryRun");
        request.validate();
        if (token != null) {
            grants.retireByToken(context.scope(), token, dryRun);
        } else if (keyId != null && grantId != null) {
            grants.retire(context.scope(), keyId, grantId, dryRun);
        } else {
            throw new ValidationException("Either GrantToken or both KeyId and GrantId must be specified.");
        }
        return null;
    }
}
