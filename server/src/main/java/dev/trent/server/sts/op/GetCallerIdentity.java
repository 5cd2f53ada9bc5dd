package dev.trent.server.sts.op;

import dev.trent.server.auth.Principal;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/**
 * GetCallerIdentity: who the request acts as. It needs no permission, so it answers in every mode; without
 * signature checks the caller is the root user of the account its access key maps to.
 */
public final class GetCallerIdentity implements QueryAction {

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        Principal principal = caller.principal();
        result.element("UserId", principal.principalId()).element("Account", principal.account())
                .element("Arn", principal.arn());
    }
}
