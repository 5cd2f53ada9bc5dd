package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Recipients;
import dev.trent.server.api.RequestContext;
import dev.trent.server.crypto.Random;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.error.ValidationException;

/** GenerateRandom: 1 to 1024 bytes from the system's cryptographically secure generator. */
public final class GenerateRandom implements Operation {

    @Override
    public String name() {
        return "GenerateRandom";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        Integer bytes = request.integer("NumberOfBytes", 1, 1024).orElse(null);
        request.string("CustomKeyStoreId", 1, 64);
        request.validate();
        Recipients.reject(request);
        if (bytes == null) {
            throw new ValidationException("NumberOfBytes is required.");
        }
        if (request.has("CustomKeyStoreId")) {
            throw new UnsupportedOperationException("Custom key stores are not supported by this version of Trent.");
        }
        return JsonResponse.create().blob("Plaintext", Random.bytes(bytes));
    }
}
