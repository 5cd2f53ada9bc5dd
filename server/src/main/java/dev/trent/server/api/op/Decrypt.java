package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.api.DryRunModifiers;
import dev.trent.server.api.Recipients;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.error.DryRunOperationException;
import dev.trent.server.key.EncryptionAlgorithm;
import dev.trent.server.service.EncryptionService;
import dev.trent.server.service.Results.Decrypted;
import java.util.Map;

/** Decrypt: symmetric blobs name their key; asymmetric ones need KeyId and EncryptionAlgorithm. */
public final class Decrypt implements Operation {

    private final EncryptionService encryption;

    public Decrypt(EncryptionService encryption) {
        this.encryption = encryption;
    }

    @Override
    public String name() {
        return "Decrypt";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        boolean ignoreCiphertext = DryRunModifiers.ignoreCiphertext(request);
        byte[] blob = ignoreCiphertext ? request.blob("CiphertextBlob", 1, Members.CIPHERTEXT_MAX).orElse(null)
                : request.requiredBlob("CiphertextBlob", 1, Members.CIPHERTEXT_MAX);
        Map<String, String> encryptionContext = Members.encryptionContext(request, "EncryptionContext");
        Members.grantTokens(request);
        String keyId = request.string("KeyId", 1, Members.KEY_ID_MAX).orElse(null);
        EncryptionAlgorithm algorithm = request.enumValue("EncryptionAlgorithm", EncryptionAlgorithm.class).orElse(null);
        boolean recipient = Recipients.read(request);
        boolean dryRun = request.bool("DryRun");
        DryRunModifiers.read(request);
        request.validate();
        Recipients.refuse(recipient);
        if (ignoreCiphertext) {
            encryption.checkUsableWithoutCiphertext(context.scope(), DryRunModifiers.requireKey(keyId, "KeyId"),
                    KeyOperation.Decrypt, name());
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        Decrypted result = encryption.decrypt(context.scope(), blob, keyId, encryptionContext, algorithm, dryRun);
        return JsonResponse.create()
                .string("KeyId", result.key().arn())
                .blob("Plaintext", result.plaintext())
                .string("EncryptionAlgorithm", result.algorithm())
                .string("KeyMaterialId", result.materialId());
    }
}
