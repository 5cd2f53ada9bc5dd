package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Paging;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.ImportedMaterial;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.service.RotationService;

/**
 * ListKeyRotations: the key's materials made by rotation, or all of them with those pending rotation; Limit
 * 1..1000, default 100.
 */
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
        String id = listing.key().id().value();
        Paging.Page<RotationService.Entry> page = paging.page(listing.entries(), 100, 1000);
        return page.describe(JsonResponse.create().objects("Rotations", page.items().stream()
                .map(entry -> entry(id, entry))
                .toList()));
    }

    /**
     * One material; the import members only for imported material (the model: "only present for symmetric
     * encryption KMS keys with EXTERNAL origin"), RotationDate and RotationType only for material made current by
     * a rotation.
     */
    private static JsonResponse entry(String keyId, RotationService.Entry entry) {
        MaterialVersion version = entry.version();
        ImportedMaterial imported = entry.imported();
        JsonResponse json = JsonResponse.create()
                .string("KeyId", keyId)
                .string("KeyMaterialId", version.materialId());
        if (imported != null) {
            json.string("KeyMaterialDescription", imported.description())
                    .string("ImportState", entry.present() ? "IMPORTED" : "PENDING_IMPORT");
        }
        json.string("KeyMaterialState", entry.state());
        if (imported != null) {
            json.string("ExpirationModel", imported.expirationModel())
                    .time("ValidTo", imported.validTo());
        }
        return json.time("RotationDate", version.rotationType() == null ? null : version.created())
                .string("RotationType", version.rotationType());
    }
}
