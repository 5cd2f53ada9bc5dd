package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamXml;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** GetRole: the role with its trust policy (URL-encoded, as IAM returns documents). */
public final class GetRole implements QueryAction {

    private final IamStore store;

    public GetRole(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.required("RoleName", 1, 64, Patterns.NAME);
        IamXml.role(result, IamEntities.role(store.account(caller.account()), name));
    }
}
