package dev.trent.server.api.op;

import dev.trent.server.api.DataKeyRequest;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.service.EncryptionService;
import dev.trent.server.service.Results.DataKey;

/** GenerateDataKeyWithoutPlaintext: a fresh data key, encrypted only. */
public final class GenerateDataKeyWithoutPlaintext implements Operation {

    private final EncryptionService encryption;

    public GenerateDataKeyWithoutPlaintext(EncryptionService encryption) {
        this.encryption = encryption;
    }

    @Override
    public String name() {
        return "GenerateDataKeyWithoutPlaintext";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        DataKeyRequest in = DataKeyRequest.readWithoutPlaintext(request);
        DataKey result = encryption.generateDataKey(context.scope(), in.keyId(), in.length(), in.encryptionContext(),
                KeyOperation.GenerateDataKeyWithoutPlaintext, in.dryRun());
        return JsonResponse.create()
                .blob("CiphertextBlob", result.ciphertext())
                .string("KeyId", result.key().arn())
                .string("KeyMaterialId", result.materialId());
    }
}
