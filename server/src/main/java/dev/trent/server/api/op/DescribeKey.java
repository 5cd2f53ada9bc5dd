package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.KeyMetadataJson;
import dev.trent.server.api.Members;
import dev.trent.server.api.Operation;
import dev.trent.server.api.RequestContext;
import dev.trent.server.key.KmsKey;
import dev.trent.server.keystore.KeyStoreService;
import dev.trent.server.service.KeyService;

/** DescribeKey: the full KeyMetadata; accepts key id, key ARN, alias name or alias ARN. */
public final class DescribeKey implements Operation {

    private final KeyService keys;
    private final KeyStoreService keyStores;

    public DescribeKey(KeyService keys, KeyStoreService keyStores) {
        this.keys = keys;
        this.keyStores = keyStores;
    }

    @Override
    public String name() {
        return "DescribeKey";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String keyId = Members.keyId(request);
        Members.grantTokens(request);
        request.validate();
        KmsKey key = keys.describe(context.scope(), keyId);
        return JsonResponse.create().object("KeyMetadata", KeyMetadataJson.of(keyStores.visible(key),
                keys.related(key), keyStores.membership(key).orElse(null)));
    }
}
