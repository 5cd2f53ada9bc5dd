package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MacAlgorithm;
import dev.trent.server.service.MacService;

/** VerifyMac: answers MacValid true, or KMSInvalidMacException; never false. */
public final class VerifyMac implements Operation {

    private final MacService macs;

    public VerifyMac(MacService macs) {
        this.macs = macs;
    }

    @Override
    public String name() {
        return "VerifyMac";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        byte[] message = request.requiredBlob("Message", 1, 4096);
        String keyId = Members.keyId(request);
        request.required("MacAlgorithm");
        MacAlgorithm algorithm = request.enumValue("MacAlgorithm", MacAlgorithm.class, Members.MAC_ALGORITHM_ORDER).orElse(null);
        byte[] mac = request.requiredBlob("Mac", 1, Members.CIPHERTEXT_MAX);
        Members.grantTokens(request);
        boolean dryRun = request.bool("DryRun");
        request.validate();
        KmsKey key = macs.verify(context.scope(), keyId, message, algorithm, mac, dryRun);
        return JsonResponse.create()
                .string("KeyId", key.arn())
                .bool("MacValid", true)
                .string("MacAlgorithm", algorithm);
    }
}
