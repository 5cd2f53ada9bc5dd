package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Paging;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.Alias;
import dev.trent.server.service.AliasService;

/** ListAliases: aliases of the caller's scope, or of one key; Limit 1..100, default 50. */
public final class ListAliases implements Operation {

    private final AliasService aliases;

    public ListAliases(AliasService aliases) {
        this.aliases = aliases;
    }

    @Override
    public String name() {
        return "ListAliases";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = request.string("KeyId", 1, Members.KEY_ID_MAX).orElse(null);
        Paging.Request paging = Paging.read(request);
        request.validate();
        Paging.Page<Alias> page = paging.page(aliases.list(context.scope(), keyId), 50, 100);
        return page.describe(JsonResponse.create().objects("Aliases", page.items().stream()
                .map(a -> JsonResponse.create()
                        .string("AliasName", a.name().value())
                        .string("AliasArn", a.arn())
                        .string("TargetKeyId", a.target().value())
                        .time("CreationDate", a.created())
                        .time("LastUpdatedDate", a.lastUpdated()))
                .toList()));
    }
}
