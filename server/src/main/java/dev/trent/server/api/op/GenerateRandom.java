package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Recipients;
import dev.trent.server.api.RequestContext;
import dev.trent.server.crypto.Random;
import dev.trent.server.error.ValidationException;
import dev.trent.server.keystore.KeyStoreService;

/**
 * GenerateRandom: 1 to 1024 bytes from the system's cryptographically secure generator, or with a
 * CustomKeyStoreId from the generator of that store's token (the store must be connected).
 */
public final class GenerateRandom implements Operation {

    private final KeyStoreService keyStores;

    public GenerateRandom(KeyStoreService keyStores) {
        this.keyStores = keyStores;
    }

    @Override
    public String name() {
        return "GenerateRandom";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        Integer bytes = request.integer("NumberOfBytes", 1, 1024).orElse(null);
        String customKeyStoreId = request.string("CustomKeyStoreId", 1, 64).orElse(null);
        boolean recipient = Recipients.read(request);
        request.validate();
        Recipients.refuse(recipient);
        if (bytes == null) {
            throw new ValidationException("NumberOfBytes is required.");
        }
        byte[] random = customKeyStoreId == null ? Random.bytes(bytes)
                : keyStores.random(context.scope(), customKeyStoreId, bytes);
        return JsonResponse.create().blob("Plaintext", random);
    }
}
