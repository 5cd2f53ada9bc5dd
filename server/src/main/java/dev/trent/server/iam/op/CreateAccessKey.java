package dev.trent.server.iam.op;

import dev.trent.server.auth.Principal;
import dev.trent.server.iam.AccessKey;
import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamIds;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamUser;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import java.time.Clock;

/**
 * CreateAccessKey: a new AKIA key for the named user (or the calling user); its secret is in this answer only.
 * A user holds at most two keys.
 */
public final class CreateAccessKey implements QueryAction {

    static final int KEYS_PER_USER = 2;

    private final IamStore store;
    private final Clock clock;

    public CreateAccessKey(IamStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.optional("UserName", 1, 128, Patterns.NAME).orElseGet(() -> callingUser(caller));
        AccessKey key = store.update(caller.account(), account -> {
            IamUser user = IamEntities.user(account, name);
            long held = account.accessKeys().values().stream().filter(k -> k.userName().equals(user.name())).count();
            if (held >= KEYS_PER_USER) {
                throw QueryException.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + KEYS_PER_USER);
            }
            AccessKey created = new AccessKey(IamIds.accessKeyId(), user.name(), IamIds.secret(), true,
                    clock.instant());
            return new IamStore.Change<>(account.withAccessKey(created), created);
        });
        result.start("AccessKey").element("UserName", key.userName()).element("AccessKeyId", key.id())
                .element("Status", "Active").element("SecretAccessKey", key.secret())
                .element("CreateDate", key.created()).end();
    }

    /** The user a request without UserName means: the caller, when it is a user. */
    static String callingUser(QueryCaller caller) {
        Principal principal = caller.principal();
        if (principal.kind() != Principal.Kind.USER) {
            throw QueryException.validation("Must specify userName when calling with non-User credentials");
        }
        return principal.arn().substring(principal.arn().lastIndexOf('/') + 1);
    }
}
