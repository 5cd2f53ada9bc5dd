package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.keystore.KeyStoreService;

/**
 * ConnectCustomKeyStore: logs in to the store's token with its KeyStorePassword; see DescribeCustomKeyStores for the
 * outcome (CONNECTED, or FAILED with a ConnectionErrorCode), as with AWS.
 */
public final class ConnectCustomKeyStore implements Operation {

    private final KeyStoreService keyStores;

    public ConnectCustomKeyStore(KeyStoreService keyStores) {
        this.keyStores = keyStores;
    }

    @Override
    public String name() {
        return "ConnectCustomKeyStore";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String id = request.requiredString("CustomKeyStoreId", 1, 64);
        request.validate();
        keyStores.connect(context.scope(), id);
        return JsonResponse.create();
    }
}
