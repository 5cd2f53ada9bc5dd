package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.api.XksMembers;
import dev.trent.server.error.ValidationException;
import dev.trent.server.keystore.Cluster;
import dev.trent.server.keystore.KeyStoreService;
import java.util.Arrays;

/**
 * UpdateCustomKeyStore for AWS_CLOUDHSM stores: a new name (connected or disconnected), the token PIN as the new
 * KeyStorePassword, or another configured cluster (both only while disconnected).
 */
public final class UpdateCustomKeyStore implements Operation {

    private final KeyStoreService keyStores;

    public UpdateCustomKeyStore(KeyStoreService keyStores) {
        this.keyStores = keyStores;
    }

    @Override
    public String name() {
        return "UpdateCustomKeyStore";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String id = request.requiredString("CustomKeyStoreId", 1, 64);
        String newName = request.string("NewCustomKeyStoreName", 1, 256).orElse(null);
        String password = request.sensitiveString("KeyStorePassword", 7, 32).orElse(null);
        String clusterId = request.string("CloudHsmClusterId", 19, 24, Cluster.ID, "cluster-[2-7a-zA-Z]{11,16}")
                .orElse(null);
        XksMembers.read(request);
        request.validate();
        for (String member : XksMembers.NAMES) {
            if (request.has(member)) {
                throw new ValidationException(member + " is valid only for custom key stores with a "
                        + "CustomKeyStoreType of EXTERNAL_KEY_STORE.");
            }
        }
        char[] secret = password == null ? null : password.toCharArray();
        try {
            keyStores.update(context.scope(), id, newName, secret, clusterId);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
        return JsonResponse.create();
    }
}
