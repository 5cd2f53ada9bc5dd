package dev.trent.server.iam.op;

import dev.trent.server.iam.AccessKey;
import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamUser;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** DeleteAccessKey: the key stops signing at once. */
public final class DeleteAccessKey implements QueryAction {

    private final IamStore store;

    public DeleteAccessKey(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String keyId = request.required("AccessKeyId", 16, 128, Patterns.ACCESS_KEY_ID);
        String name = request.optional("UserName", 1, 128, Patterns.NAME)
                .orElseGet(() -> CreateAccessKey.callingUser(caller));
        store.update(caller.account(), account -> {
            IamUser user = IamEntities.user(account, name);
            AccessKey key = account.accessKeys().get(keyId);
            if (key == null || !key.userName().equals(user.name())) {
                throw QueryException.noSuchEntity("The Access Key with id " + keyId + " cannot be found.");
            }
            return new IamStore.Change<>(account.withoutAccessKey(keyId), null);
        });
    }
}
