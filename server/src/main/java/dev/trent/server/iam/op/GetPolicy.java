package dev.trent.server.iam.op;

import dev.trent.server.iam.IamAccount;
import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamXml;
import dev.trent.server.iam.ManagedPolicy;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** GetPolicy: a managed policy's metadata, with how many users and roles it is attached to. */
public final class GetPolicy implements QueryAction {

    private final IamStore store;

    public GetPolicy(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String arn = request.required("PolicyArn", 20, 2048, null);
        IamAccount account = store.account(caller.account());
        ManagedPolicy policy = IamEntities.policy(account, arn);
        IamXml.policy(result, policy, account.attachmentCount(arn));
    }
}
