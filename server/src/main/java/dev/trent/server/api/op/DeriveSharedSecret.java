package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Recipients;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.KeyAgreementAlgorithm;
import dev.trent.server.service.KeyAgreementService;
import dev.trent.server.service.Results.SharedSecret;

/** DeriveSharedSecret: the raw ECDH secret of a KEY_AGREEMENT key and a peer's SubjectPublicKeyInfo. */
public final class DeriveSharedSecret implements Operation {

    private final KeyAgreementService agreement;

    public DeriveSharedSecret(KeyAgreementService agreement) {
        this.agreement = agreement;
    }

    @Override
    public String name() {
        return "DeriveSharedSecret";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.required("KeyAgreementAlgorithm");
        KeyAgreementAlgorithm algorithm = request.enumValue("KeyAgreementAlgorithm", KeyAgreementAlgorithm.class).orElse(null);
        byte[] publicKey = request.requiredBlob("PublicKey", 1, 8192);
        Members.grantTokens(request);
        boolean dryRun = request.bool("DryRun");
        boolean recipient = Recipients.read(request);
        request.validate();
        Recipients.refuse(recipient);
        SharedSecret result = agreement.derive(context.scope(), keyId, algorithm, publicKey, dryRun);
        return JsonResponse.create()
                .string("KeyId", result.key().arn())
                .blob("SharedSecret", result.secret())
                .string("KeyAgreementAlgorithm", algorithm)
                .string("KeyOrigin", result.key().origin());
    }
}
