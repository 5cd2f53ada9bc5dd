package dev.trent.server.api.op;

import dev.trent.server.api.AliasNames;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.AliasName;
import dev.trent.server.service.AliasService;

/** UpdateAlias: points an existing alias at another key of the same type and usage. */
public final class UpdateAlias implements Operation {

    private final AliasService aliases;

    public UpdateAlias(AliasService aliases) {
        this.aliases = aliases;
    }

    @Override
    public String name() {
        return "UpdateAlias";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String aliasName = AliasNames.member(request);
        String target = request.requiredString("TargetKeyId", 1, Members.KEY_ID_MAX);
        request.validate();
        AliasName name = AliasNames.checkCustomerManaged(aliasName);
        aliases.update(context.scope(), name, target);
        return null;
    }
}
