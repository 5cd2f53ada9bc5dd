package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamXml;
import dev.trent.server.iam.ManagedPolicy;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** GetPolicyVersion: the document of version v1, the only (and default) version Trent keeps. */
public final class GetPolicyVersion implements QueryAction {

    private final IamStore store;

    public GetPolicyVersion(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String arn = request.required("PolicyArn", 20, 2048, null);
        String version = request.required("VersionId", 1, 128, Patterns.POLICY_VERSION);
        ManagedPolicy policy = IamEntities.policy(store.account(caller.account()), arn);
        if (!version.equals(ManagedPolicy.DEFAULT_VERSION)) {
            throw QueryException.noSuchEntity("Policy " + arn + " version " + version
                    + " does not exist or is not attachable.");
        }
        result.start("PolicyVersion").element("Document", IamXml.encoded(policy.document()))
                .element("VersionId", version).element("IsDefaultVersion", true)
                .element("CreateDate", policy.created()).end();
    }
}
