package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamIds;
import dev.trent.server.iam.IamPolicies;
import dev.trent.server.iam.IamRole;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamXml;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** CreateRole: a role with its trust policy and a maximum session of 1 to 12 hours (1 by default). */
public final class CreateRole implements QueryAction {

    static final int DEFAULT_MAX_SESSION_SECONDS = 3600;

    private final IamStore store;
    private final Clock clock;

    public CreateRole(IamStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.required("RoleName", 1, 64, Patterns.NAME);
        String path = request.optional("Path", 1, 512, Patterns.PATH).orElse("/");
        String trust = request.required("AssumeRolePolicyDocument", 1, 131072, Patterns.POLICY_DOCUMENT);
        String description = request.optional("Description", 0, 1000, null).orElse(null);
        int maxSession = request.integer("MaxSessionDuration", 3600, 43200).orElse(DEFAULT_MAX_SESSION_SECONDS);
        Map<String, String> tags = request.tags("Tags");
        IamPolicies.trustPolicy(trust);
        IamRole role = store.update(caller.account(), account -> {
            if (account.role(name).isPresent()) {
                throw QueryException.alreadyExists("Role with name " + name + " already exists.");
            }
            IamRole created = new IamRole(name, path, IamIds.roleId(),
                    IamEntities.arn(account.account(), "role", path, name), clock.instant(), trust, description,
                    maxSession, tags, Map.of(), List.of());
            return new IamStore.Change<>(account.withRole(created), created);
        });
        IamXml.role(result, role);
    }
}
