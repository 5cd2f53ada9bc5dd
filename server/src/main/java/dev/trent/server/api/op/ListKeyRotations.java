package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.RotationService;
import dev.trent.server.api.Paging;
import dev.trent.server.key.MaterialVersion;

/** ListKeyRotations: the key's material versions made by rotation, or all of them; Limit 1..1000, default 100. */
public final class ListKeyRotations implements Operation {

    private enum IncludeKeyMaterial { ALL_KEY_MATERIAL, ROTATIONS_ONLY }

    private final RotationService rotation;

    public ListKeyRotations(RotationService rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "ListKeyRotations";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        IncludeKeyMaterial include = request.enumValue("IncludeKeyMaterial", IncludeKeyMaterial.class)
                .orElse(IncludeKeyMaterial.ROTATIONS_ONLY);
        Paging.Request paging = Paging.read(request);
        request.validate();
        RotationService.Listing listing = rotation.rotations(context.scope(), keyId,
                include == IncludeKeyMaterial.ALL_KEY_MATERIAL);
        int current = listing.key().currentMaterial().number();
        String id = listing.key().id().value();
        Paging.Page<MaterialVersion> page = paging.page(listing.versions(), 100, 1000);
        return page.describe(JsonResponse.create().objects("Rotations", page.items().stream()
                .map(v -> JsonResponse.create()
                        .string("KeyId", id)
                        .string("KeyMaterialId", v.materialId())
                        .string("KeyMaterialState", v.number() == current ? "CURRENT" : "NON_CURRENT")
                        .time("RotationDate", v.rotationType() == null ? null : v.created())
                        .string("RotationType", v.rotationType()))
                .toList()));
    }
}
