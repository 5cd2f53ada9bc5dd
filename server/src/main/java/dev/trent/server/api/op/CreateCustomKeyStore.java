package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.api.XksMembers;
import dev.trent.server.error.ValidationException;
import dev.trent.server.error.XksProxyUriUnreachableException;
import dev.trent.server.keystore.Cluster;
import dev.trent.server.keystore.CustomKeyStore;
import dev.trent.server.keystore.CustomKeyStoreType;
import dev.trent.server.keystore.KeyStoreService;
import java.util.Arrays;

/**
 * CreateCustomKeyStore: an AWS_CLOUDHSM key store on one of the PKCS#11 tokens configured as clusters, created
 * DISCONNECTED. An external key store needs a proxy Trent has no way to reach, so it answers as AWS does for a
 * proxy it cannot reach.
 */
public final class CreateCustomKeyStore implements Operation {

    private final KeyStoreService keyStores;

    public CreateCustomKeyStore(KeyStoreService keyStores) {
        this.keyStores = keyStores;
    }

    @Override
    public String name() {
        return "CreateCustomKeyStore";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String name = request.requiredString("CustomKeyStoreName", 1, 256);
        String clusterId = request.string("CloudHsmClusterId", 19, 24, Cluster.ID, "cluster-[2-7a-zA-Z]{11,16}")
                .orElse(null);
        String trustAnchor = request.string("TrustAnchorCertificate", 1, 5000).orElse(null);
        String password = request.sensitiveString("KeyStorePassword", 7, 32).orElse(null);
        CustomKeyStoreType type = request.enumValue("CustomKeyStoreType", CustomKeyStoreType.class)
                .orElse(CustomKeyStoreType.AWS_CLOUDHSM);
        XksMembers.read(request);
        request.validate();

        if (type == CustomKeyStoreType.EXTERNAL_KEY_STORE) {
            throw new XksProxyUriUnreachableException("KMS was unable to reach the specified XksProxyUriPath. "
                    + "Trent cannot reach an external key store proxy.");
        }
        for (String member : XksMembers.NAMES) {
            if (request.has(member)) {
                throw new ValidationException(member + " is valid only for custom key stores with a "
                        + "CustomKeyStoreType of EXTERNAL_KEY_STORE.");
            }
        }
        require(clusterId, "CloudHsmClusterId");
        require(trustAnchor, "TrustAnchorCertificate");
        require(password, "KeyStorePassword");
        char[] secret = password.toCharArray();
        try {
            CustomKeyStore store = keyStores.create(context.scope(), name, clusterId, trustAnchor, secret);
            return JsonResponse.create().string("CustomKeyStoreId", store.id());
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static void require(String value, String member) {
        if (value == null) {
            throw new ValidationException(member + " is required for custom key stores with a CustomKeyStoreType "
                    + "of AWS_CLOUDHSM.");
        }
    }
}
