package dev.trent.server.iam.op;

import dev.trent.server.iam.Holder;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.InlinePolicies;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** GetRolePolicy: one inline policy of the role, its document URL-encoded. */
public final class GetRolePolicy implements QueryAction {

    private final InlinePolicies policies;

    public GetRolePolicy(IamStore store) {
        this.policies = new InlinePolicies(store, Holder.ROLE);
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        policies.get(request, caller.account(), result);
    }
}
