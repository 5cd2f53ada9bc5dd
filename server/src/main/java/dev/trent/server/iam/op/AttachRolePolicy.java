package dev.trent.server.iam.op;

import dev.trent.server.iam.Attachments;
import dev.trent.server.iam.Holder;
import dev.trent.server.iam.IamStore;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** AttachRolePolicy: attaches a managed policy to the role. */
public final class AttachRolePolicy implements QueryAction {

    private final Attachments attachments;

    public AttachRolePolicy(IamStore store) {
        this.attachments = new Attachments(store, Holder.ROLE);
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        attachments.attach(request, caller.account());
    }
}
