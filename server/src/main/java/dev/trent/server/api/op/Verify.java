package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MessageType;
import dev.trent.server.key.SigningAlgorithm;
import dev.trent.server.service.SigningService;

/** Verify: answers SignatureValid true, or KMSInvalidSignatureException; never false. */
public final class Verify implements Operation {

    private final SigningService signing;

    public Verify(SigningService signing) {
        this.signing = signing;
    }

    @Override
    public String name() {
        return "Verify";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        byte[] message = request.requiredBlob("Message", 1, 4096);
        MessageType type = request.enumValue("MessageType", MessageType.class).orElse(MessageType.RAW);
        byte[] signature = request.requiredBlob("Signature", 1, Members.CIPHERTEXT_MAX);
        request.required("SigningAlgorithm");
        SigningAlgorithm algorithm = request.enumValue("SigningAlgorithm", SigningAlgorithm.class).orElse(null);
        Members.grantTokens(request);
        boolean dryRun = request.bool("DryRun");
        request.validate();
        KmsKey key = signing.verify(context.scope(), keyId, message, type, signature, algorithm, dryRun);
        return JsonResponse.create()
                .string("KeyId", key.arn())
                .bool("SignatureValid", true)
                .string("SigningAlgorithm", algorithm);
    }
}
