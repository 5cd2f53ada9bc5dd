package dev.trent.server.api.op;

import dev.trent.server.api.DataKeyRequest;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.service.EncryptionService;
import dev.trent.server.service.Results.DataKey;

/** GenerateDataKey: a fresh data key, in plaintext and encrypted under a symmetric KMS key. */
public final class GenerateDataKey implements Operation {

    private final EncryptionService encryption;

    public GenerateDataKey(EncryptionService encryption) {
        this.encryption = encryption;
    }

    @Override
    public String name() {
        return "GenerateDataKey";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        DataKeyRequest in = DataKeyRequest.read(request);
        DataKey result = encryption.generateDataKey(context.scope(), in.keyId(), in.length(), in.encryptionContext(),
                KeyOperation.GenerateDataKey, in.dryRun());
        return JsonResponse.create()
                .blob("CiphertextBlob", result.ciphertext())
                .blob("Plaintext", result.plaintext())
                .string("KeyId", result.key().arn())
                .string("KeyMaterialId", result.materialId());
    }
}
