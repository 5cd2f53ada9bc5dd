package dev.trent.server.iam.op;

import dev.trent.server.iam.Attachments;
import dev.trent.server.iam.Holder;
import dev.trent.server.iam.IamStore;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** DetachUserPolicy: detaches a managed policy from the user. */
public final class DetachUserPolicy implements QueryAction {

    private final Attachments attachments;

    public DetachUserPolicy(IamStore store) {
        this.attachments = new Attachments(store, Holder.USER);
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        attachments.detach(request, caller.account());
    }
}
