package dev.trent.server.api.op;

import dev.trent.server.api.GrantMembers;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Paging;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.Grant;
import dev.trent.server.service.GrantService;

/**
 * ListRetirableGrants: grants on the keys of the caller's account and Region whose retiring principal is the
 * one given (RetiringPrincipal or RetiringServicePrincipal, exactly one); Limit 1..100, default 50.
 */
public final class ListRetirableGrants implements Operation {

    private final GrantService grants;

    public ListRetirableGrants(GrantService grants) {
        this.grants = grants;
    }

    @Override
    public String name() {
        return "ListRetirableGrants";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        Paging.Request paging = Paging.read(request);
        String retiring = GrantMembers.principal(request, "RetiringPrincipal");
        String retiringService = GrantMembers.servicePrincipal(request, "RetiringServicePrincipal");
        request.validate();
        Paging.Page<Grant> page = paging.page(grants.retirable(context.scope(), retiring, retiringService), 50, 100);
        return page.describe(JsonResponse.create().objects("Grants",
                page.items().stream().map(GrantMembers::entry).toList()));
    }
}
