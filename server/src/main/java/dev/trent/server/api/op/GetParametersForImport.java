package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.WrappingAlgorithm;
import dev.trent.server.key.WrappingKeySpec;
import dev.trent.server.service.ImportService;

/** GetParametersForImport: a fresh RSA wrapping public key and the import token that goes with it, for 24 hours. */
public final class GetParametersForImport implements Operation {

    private final ImportService imports;

    public GetParametersForImport(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "GetParametersForImport";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        request.required("WrappingAlgorithm");
        WrappingAlgorithm algorithm = request.enumValue("WrappingAlgorithm", WrappingAlgorithm.class).orElse(null);
        request.required("WrappingKeySpec");
        WrappingKeySpec spec = request.enumValue("WrappingKeySpec", WrappingKeySpec.class).orElse(null);
        request.validate();
        ImportService.Parameters parameters = imports.parametersFor(context.scope(), keyId, algorithm, spec);
        return JsonResponse.create()
                .string("KeyId", parameters.key().arn())
                .blob("ImportToken", parameters.importToken())
                .blob("PublicKey", parameters.publicKey())
                .time("ParametersValidTo", parameters.validTo());
    }
}
