package dev.trent.server.iam.op;

import dev.trent.server.iam.Holder;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.InlinePolicies;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** PutRolePolicy: adds or replaces an inline policy of the role. */
public final class PutRolePolicy implements QueryAction {

    private final InlinePolicies policies;

    public PutRolePolicy(IamStore store) {
        this.policies = new InlinePolicies(store, Holder.ROLE);
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        policies.put(request, caller.account());
    }
}
