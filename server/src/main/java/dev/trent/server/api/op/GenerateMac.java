package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.MacAlgorithm;
import dev.trent.server.service.MacService;
import dev.trent.server.service.Results;

/** GenerateMac: an HMAC of up to 4096 bytes with an HMAC KMS key. */
public final class GenerateMac implements Operation {

    private final MacService macs;

    public GenerateMac(MacService macs) {
        this.macs = macs;
    }

    @Override
    public String name() {
        return "GenerateMac";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        byte[] message = request.requiredBlob("Message", 1, 4096);
        String keyId = Members.keyId(request);
        request.required("MacAlgorithm");
        MacAlgorithm algorithm = request.enumValue("MacAlgorithm", MacAlgorithm.class, Members.MAC_ALGORITHM_ORDER).orElse(null);
        Members.grantTokens(request);
        boolean dryRun = request.bool("DryRun");
        request.validate();
        Results.Mac result = macs.generate(context.scope(), keyId, message, algorithm, dryRun);
        return JsonResponse.create()
                .blob("Mac", result.mac())
                .string("MacAlgorithm", algorithm)
                .string("KeyId", result.key().arn());
    }
}
