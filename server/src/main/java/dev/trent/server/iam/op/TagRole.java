package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamStore;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import java.util.Map;

/** TagRole: adds tags to the role, replacing the value of a key it already has; at most 50 in all. */
public final class TagRole implements QueryAction {

    private final IamStore store;

    public TagRole(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.required("RoleName", 1, 64, Patterns.NAME);
        Map<String, String> added = request.tags("Tags");
        store.update(caller.account(), account -> {
            var holder = IamEntities.role(account, name);
            Map<String, String> tags = Tags.merged(holder.tags(), added, "TagsPerRole");
            return new IamStore.Change<>(account.withRole(holder.withTags(tags)), null);
        });
    }
}
