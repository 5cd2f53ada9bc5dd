package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.ModelPatterns;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.ExpirationModel;
import dev.trent.server.key.ImportType;
import dev.trent.server.service.ImportService;
import java.time.Instant;

/**
 * ImportKeyMaterial: material wrapped under the public key of GetParametersForImport, for a key with origin
 * EXTERNAL. ExpirationModel defaults to KEY_MATERIAL_EXPIRES, as the model documents.
 */
public final class ImportKeyMaterial implements Operation {

    private final ImportService imports;

    public ImportKeyMaterial(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "ImportKeyMaterial";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        byte[] token = request.requiredBlob("ImportToken", 1, Members.CIPHERTEXT_MAX);
        byte[] material = request.requiredBlob("EncryptedKeyMaterial", 1, Members.CIPHERTEXT_MAX);
        Instant validTo = request.timestamp("ValidTo").orElse(null);
        ExpirationModel model = request.enumValue("ExpirationModel", ExpirationModel.class)
                .orElse(ExpirationModel.KEY_MATERIAL_EXPIRES);
        ImportType importType = request.enumValue("ImportType", ImportType.class).orElse(null);
        String description = request.string("KeyMaterialDescription", 0, 256, ModelPatterns.KEY_MATERIAL_DESCRIPTION)
                .orElse(null);
        String keyMaterialId = request.string("KeyMaterialId", 64, 64, ModelPatterns.KEY_MATERIAL_ID).orElse(null);
        request.validate();
        ImportService.MaterialChange imported = imports.importMaterial(context.scope(), new ImportService.ImportRequest(
                keyId, token, material, model, validTo, importType, keyMaterialId, description));
        return JsonResponse.create()
                .string("KeyId", imported.key().arn())
                .string("KeyMaterialId", imported.keyMaterialId());
    }
}
