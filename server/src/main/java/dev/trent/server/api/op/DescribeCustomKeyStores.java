package dev.trent.server.api.op;

import dev.trent.server.api.JsonRequest;
import dev.trent.server.api.JsonResponse;
import dev.trent.server.api.Operation;
import dev.trent.server.api.Paging;
import dev.trent.server.api.RequestContext;
import dev.trent.server.error.ValidationException;
import dev.trent.server.keystore.Connections;
import dev.trent.server.keystore.CustomKeyStore;
import dev.trent.server.keystore.KeyStoreService;
import java.util.List;

/**
 * DescribeCustomKeyStores: one store by id or by name, or every store of the account and Region, oldest first;
 * Limit 1..1000, default 100, like ListKeys. Each entry has the model's CustomKeyStoresListEntry members;
 * ConnectionErrorCode only while FAILED.
 */
public final class DescribeCustomKeyStores implements Operation {

    private final KeyStoreService keyStores;

    public DescribeCustomKeyStores(KeyStoreService keyStores) {
        this.keyStores = keyStores;
    }

    @Override
    public String name() {
        return "DescribeCustomKeyStores";
    }

    @Override
    public JsonResponse handle(RequestContext context, JsonRequest request) {
        String id = request.string("CustomKeyStoreId", 1, 64).orElse(null);
        String name = request.string("CustomKeyStoreName", 1, 256).orElse(null);
        Paging.Request paging = Paging.read(request);
        request.validate();
        if (id != null && name != null) {
            throw new ValidationException("Specify either CustomKeyStoreId or CustomKeyStoreName, not both.");
        }
        List<CustomKeyStore> stores = id != null ? List.of(keyStores.byId(context.scope(), id))
                : name != null ? List.of(keyStores.byName(context.scope(), name))
                : keyStores.list(context.scope());
        Paging.Page<CustomKeyStore> page = paging.page(stores, 100, 1000);
        return page.describe(JsonResponse.create().objects("CustomKeyStores",
                page.items().stream().map(this::entry).toList()));
    }

    private JsonResponse entry(CustomKeyStore store) {
        Connections.Status status = keyStores.status(store);
        return JsonResponse.create()
                .string("CustomKeyStoreId", store.id())
                .string("CustomKeyStoreName", store.name())
                .string("CloudHsmClusterId", store.clusterId())
                .string("TrustAnchorCertificate", store.trustAnchorCertificate())
                .string("ConnectionState", status.state())
                .string("ConnectionErrorCode", status.error())
                .time("CreationDate", store.creationDate())
                .string("CustomKeyStoreType", store.type());
    }
}
