package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Regions;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.KeyService;

/**
 * UpdatePrimaryRegion: the related multi-Region key in PrimaryRegion becomes the primary key and the current
 * primary key (KeyId) a replica. Trent makes the change at once (AWS passes through the Updating state).
 */
public final class UpdatePrimaryRegion implements Operation {

    private final KeyService keys;

    public UpdatePrimaryRegion(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "UpdatePrimaryRegion";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        String region = Regions.required(request, "PrimaryRegion");
        request.validate();
        keys.updatePrimaryRegion(context.scope(), keyId, region);
        return null;
    }
}
