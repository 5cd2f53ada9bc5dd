package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.keystore.KeyStoreService;

/**
 * DeleteCustomKeyStore: deletes a DISCONNECTED store that holds no keys; the token and its keys stay.
 */
public final class DeleteCustomKeyStore implements Operation {

    private final KeyStoreService keyStores;

    public DeleteCustomKeyStore(KeyStoreService keyStores) {
        this.keyStores = keyStores;
    }

    @Override
    public String name() {
        return "DeleteCustomKeyStore";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String id = request.requiredString("CustomKeyStoreId", 1, 64);
        request.validate();
        keyStores.delete(context.scope(), id);
        return JsonResponse.create();
    }
}
