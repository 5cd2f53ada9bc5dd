package dev.trent.server.api.op;

import dev.trent.server.api.GrantMembers;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Paging;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.Grant;
import dev.trent.server.service.GrantService;

/** ListGrants: the grants of one key, optionally filtered by GrantId or grantee; Limit 1..100, default 50. */
public final class ListGrants implements Operation {

    private final GrantService grants;

    public ListGrants(GrantService grants) {
        this.grants = grants;
    }

    @Override
    public String name() {
        return "ListGrants";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        Paging.Request paging = Paging.read(request);
        String keyId = Members.keyId(request);
        String grantId = GrantMembers.grantId(request).orElse(null);
        String grantee = GrantMembers.principal(request, "GranteePrincipal");
        String granteeService = GrantMembers.servicePrincipal(request, "GranteeServicePrincipal");
        request.validate();
        Paging.Page<Grant> page = paging.page(
                grants.list(context.scope(), keyId, grantId, grantee, granteeService), 50, 100);
        return page.describe(JsonResponse.create().objects("Grants",
                page.items().stream().map(GrantMembers::entry).toList()));
    }
}
