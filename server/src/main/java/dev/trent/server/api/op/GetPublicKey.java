package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.KmsKey;
import dev.trent.server.service.Results.PublicKey;
import dev.trent.server.service.SigningService;

/** GetPublicKey: the DER SubjectPublicKeyInfo of an asymmetric key, with its usage and algorithms. */
public final class GetPublicKey implements Operation {

    private final SigningService signing;

    public GetPublicKey(SigningService signing) {
        this.signing = signing;
    }

    @Override
    public String name() {
        return "GetPublicKey";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        Members.grantTokens(request);
        request.validate();
        PublicKey result = signing.publicKey(context.scope(), keyId);
        KmsKey key = result.key();
        JsonResponse json = JsonResponse.create()
                .string("KeyId", key.arn())
                .blob("PublicKey", result.subjectPublicKeyInfo());
        if (key.spec().hasCustomerMasterKeySpec()) {
            json.string("CustomerMasterKeySpec", key.spec());
        }
        return json.string("KeySpec", key.spec())
                .string("KeyUsage", key.usage())
                .names("EncryptionAlgorithms", key.spec().encryptionAlgorithms(key.usage()))
                .names("SigningAlgorithms", key.spec().signingAlgorithms(key.usage()))
                .names("KeyAgreementAlgorithms", key.spec().keyAgreementAlgorithms(key.usage()));
    }
}
