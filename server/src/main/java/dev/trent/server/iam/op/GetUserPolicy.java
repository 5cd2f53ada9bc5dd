package dev.trent.server.iam.op;

import dev.trent.server.iam.Holder;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.InlinePolicies;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** GetUserPolicy: one inline policy of the user, its document URL-encoded. */
public final class GetUserPolicy implements QueryAction {

    private final InlinePolicies policies;

    public GetUserPolicy(IamStore store) {
        this.policies = new InlinePolicies(store, Holder.USER);
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        policies.get(request, caller.account(), result);
    }
}
