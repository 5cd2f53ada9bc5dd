package dev.trent.server.api.op;

import dev.trent.server.api.AliasNames;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.AliasName;
import dev.trent.server.service.AliasService;

/** DeleteAlias: removes an alias; the key is untouched. */
public final class DeleteAlias implements Operation {

    private final AliasService aliases;

    public DeleteAlias(AliasService aliases) {
        this.aliases = aliases;
    }

    @Override
    public String name() {
        return "DeleteAlias";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String aliasName = AliasNames.member(request);
        request.validate();
        aliases.delete(context.scope(), AliasNames.checkCustomerManaged(aliasName));
        return null;
    }
}
