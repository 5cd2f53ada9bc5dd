package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.ManagedPolicy;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** DeletePolicy: refused with DeleteConflict while the policy is attached to any user or role. */
public final class DeletePolicy implements QueryAction {

    private final IamStore store;

    public DeletePolicy(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String arn = request.required("PolicyArn", 20, 2048, null);
        store.update(caller.account(), account -> {
            ManagedPolicy policy = IamEntities.policy(account, arn);
            if (account.attachmentCount(arn) > 0) {
                throw QueryException.deleteConflict("Cannot delete a policy attached to entities.");
            }
            return new IamStore.Change<>(account.withoutPolicy(policy.name()), null);
        });
    }
}
