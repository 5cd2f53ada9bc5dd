package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.ModelPatterns;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.service.ImportService;

/** DeleteImportedKeyMaterial: the key's imported material is deleted for good; the key waits for a re-import. */
public final class DeleteImportedKeyMaterial implements Operation {

    private final ImportService imports;

    public DeleteImportedKeyMaterial(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "DeleteImportedKeyMaterial";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        String keyMaterialId = request.string("KeyMaterialId", 64, 64, ModelPatterns.KEY_MATERIAL_ID).orElse(null);
        request.validate();
        ImportService.MaterialChange deleted = imports.deleteMaterial(context.scope(), keyId, keyMaterialId);
        return JsonResponse.create()
                .string("KeyId", deleted.key().arn())
                .string("KeyMaterialId", deleted.keyMaterialId());
    }
}
