package dev.trent.server.api.op;

import dev.trent.server.api.GrantMembers;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.Grant;
import dev.trent.server.key.GrantOperation;
import dev.trent.server.service.GrantService;
import java.util.List;

/** CreateGrant: a grant on a key (key id or key ARN); answers GrantToken and GrantId. */
public final class CreateGrant implements Operation {

    private final GrantService grants;

    public CreateGrant(GrantService grants) {
        this.grants = grants;
    }

    @Override
    public String name() {
        return "CreateGrant";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        String grantee = GrantMembers.principal(request, "GranteePrincipal");
        String retiring = GrantMembers.principal(request, "RetiringPrincipal");
        List<GrantOperation> operations = GrantMembers.operations(request);
        Grant.Constraints constraints = GrantMembers.constraints(request);
        Members.grantTokens(request);
        String name = GrantMembers.name(request);
        boolean dryRun = request.bool("DryRun");
        String granteeService = GrantMembers.servicePrincipal(request, "GranteeServicePrincipal");
        String retiringService = GrantMembers.servicePrincipal(request, "RetiringServicePrincipal");
        request.validate();
        GrantService.Created created = grants.create(context.scope(), new GrantService.NewGrant(keyId, grantee,
                granteeService, retiring, retiringService, operations, constraints, name), dryRun);
        return JsonResponse.create()
                .string("GrantToken", created.grantToken())
                .string("GrantId", created.grantId());
    }
}
