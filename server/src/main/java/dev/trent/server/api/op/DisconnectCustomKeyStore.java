package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.keystore.KeyStoreService;

/**
 * DisconnectCustomKeyStore: logs out of the token; the store's keys become Unavailable.
 */
public final class DisconnectCustomKeyStore implements Operation {

    private final KeyStoreService keyStores;

    public DisconnectCustomKeyStore(KeyStoreService keyStores) {
        this.keyStores = keyStores;
    }

    @Override
    public String name() {
        return "DisconnectCustomKeyStore";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String id = request.requiredString("CustomKeyStoreId", 1, 64);
        request.validate();
        keyStores.disconnect(context.scope(), id);
        return JsonResponse.create();
    }
}
