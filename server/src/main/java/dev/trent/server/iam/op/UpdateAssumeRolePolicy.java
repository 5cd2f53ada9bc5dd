package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamPolicies;
import dev.trent.server.iam.IamRole;
import dev.trent.server.iam.IamStore;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;

/** UpdateAssumeRolePolicy: replaces the role's trust policy. */
public final class UpdateAssumeRolePolicy implements QueryAction {

    private final IamStore store;

    public UpdateAssumeRolePolicy(IamStore store) {
        this.store = store;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.required("RoleName", 1, 64, Patterns.NAME);
        String trust = request.required("PolicyDocument", 1, 131072, Patterns.POLICY_DOCUMENT);
        IamPolicies.trustPolicy(trust);
        store.update(caller.account(), account -> {
            IamRole role = IamEntities.role(account, name);
            return new IamStore.Change<>(account.withRole(role.withTrustPolicy(trust)), null);
        });
    }
}
