package dev.trent.server.api.op;

import dev.trent.server.api.DataKeyPairRequest;
import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.service.EncryptionService;
import dev.trent.server.service.Results.DataKeyPair;

/** GenerateDataKeyPairWithoutPlaintext: a fresh key pair, its private key only encrypted. */
public final class GenerateDataKeyPairWithoutPlaintext implements Operation {

    private final EncryptionService encryption;

    public GenerateDataKeyPairWithoutPlaintext(EncryptionService encryption) {
        this.encryption = encryption;
    }

    @Override
    public String name() {
        return "GenerateDataKeyPairWithoutPlaintext";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        DataKeyPairRequest in = DataKeyPairRequest.readWithoutPlaintext(request);
        DataKeyPair result = encryption.generateDataKeyPair(context.scope(), in.keyId(), in.pairSpec(),
                in.encryptionContext(), KeyOperation.GenerateDataKeyPairWithoutPlaintext, in.dryRun());
        return JsonResponse.create()
                .blob("PrivateKeyCiphertextBlob", result.privateKeyCiphertext())
                .blob("PublicKey", result.publicKey())
                .string("KeyId", result.key().arn())
                .string("KeyPairSpec", in.pairSpec())
                .string("KeyMaterialId", result.materialId());
    }
}
