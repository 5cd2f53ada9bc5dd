package dev.trent.server.iam.op;

import dev.trent.server.iam.Holder;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.InlinePolicies;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** DeleteRolePolicy: removes an inline policy of the role. */
public final class DeleteRolePolicy implements QueryAction {

    private final InlinePolicies policies;

    public DeleteRolePolicy(IamStore store) {
        this.policies = new InlinePolicies(store, Holder.ROLE);
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        policies.delete(request, caller.account());
    }
}
