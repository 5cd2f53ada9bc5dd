package dev.trent.server.iam.op;

import dev.trent.server.iam.AccessKey;
import dev.trent.server.iam.IamAccount;
import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamUser;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** ListAccessKeys: the user's keys without their secrets (a user has at most two, so one page). */
public final class ListAccessKeys implements QueryAction {

    private final IamStore store;

    public ListAccessKeys(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.optional("UserName", 1, 128, Patterns.NAME)
                .orElseGet(() -> CreateAccessKey.callingUser(caller));
        request.integer("MaxItems", 1, 1000);
        IamAccount account = store.account(caller.account());
        IamUser user = IamEntities.user(account, name);
        result.start("AccessKeyMetadata");
        for (AccessKey key : account.accessKeys().values()) {
            if (key.userName().equals(user.name())) {
                result.start("member").element("UserName", key.userName()).element("AccessKeyId", key.id())
                        .element("Status", key.active() ? "Active" : "Inactive")
                        .element("CreateDate", key.created()).end();
            }
        }
        result.end().element("IsTruncated", false);
    }
}
