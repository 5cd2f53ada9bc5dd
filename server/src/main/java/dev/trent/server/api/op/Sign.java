package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.MessageType;
import dev.trent.server.key.SigningAlgorithm;
import dev.trent.server.service.Results.Signed;
import dev.trent.server.service.SigningService;

/** Sign: a message of up to 4096 bytes (RAW) or its digest (DIGEST). */
public final class Sign implements Operation {

    private final SigningService signing;

    public Sign(SigningService signing) {
        this.signing = signing;
    }

    @Override
    public String name() {
        return "Sign";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        byte[] message = request.requiredBlob("Message", 1, 4096);
        MessageType type = request.enumValue("MessageType", MessageType.class).orElse(MessageType.RAW);
        Members.grantTokens(request);
        request.required("SigningAlgorithm");
        SigningAlgorithm algorithm = request.enumValue("SigningAlgorithm", SigningAlgorithm.class).orElse(null);
        boolean dryRun = request.bool("DryRun");
        request.validate();
        Signed result = signing.sign(context.scope(), keyId, message, type, algorithm, dryRun);
        return JsonResponse.create()
                .string("KeyId", result.key().arn())
                .blob("Signature", result.signature())
                .string("SigningAlgorithm", result.algorithm());
    }
}
