package dev.trent.server.iam.op;

import dev.trent.server.iam.Attachments;
import dev.trent.server.iam.Holder;
import dev.trent.server.iam.IamStore;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** AttachUserPolicy: attaches a managed policy to the user. */
public final class AttachUserPolicy implements QueryAction {

    private final Attachments attachments;

    public AttachUserPolicy(IamStore store) {
        this.attachments = new Attachments(store, Holder.USER);
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        attachments.attach(request, caller.account());
    }
}
