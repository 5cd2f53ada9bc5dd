package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.EncryptionAlgorithm;
import dev.trent.server.service.EncryptionService;
import dev.trent.server.service.Results.Encrypted;
import java.util.Map;

/** Encrypt: up to 4096 bytes under a symmetric key, or RSA-OAEP under an RSA key. */
public final class Encrypt implements Operation {

    private final EncryptionService encryption;

    public Encrypt(EncryptionService encryption) {
        this.encryption = encryption;
    }

    @Override
    public String name() {
        return "Encrypt";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        byte[] plaintext = request.requiredBlob("Plaintext", 1, Members.PLAINTEXT_MAX);
        Map<String, String> encryptionContext = Members.encryptionContext(request, "EncryptionContext");
        Members.grantTokens(request);
        EncryptionAlgorithm algorithm = request.enumValue("EncryptionAlgorithm", EncryptionAlgorithm.class).orElse(null);
        boolean dryRun = request.bool("DryRun");
        request.validate();
        Encrypted result = encryption.encrypt(context.scope(), keyId, plaintext, encryptionContext, algorithm, dryRun);
        return JsonResponse.create()
                .blob("CiphertextBlob", result.ciphertext())
                .string("KeyId", result.key().arn())
                .string("EncryptionAlgorithm", result.algorithm());
    }
}
