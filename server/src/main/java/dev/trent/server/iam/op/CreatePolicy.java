package dev.trent.server.iam.op;

import dev.trent.server.iam.IamEntities;
import dev.trent.server.iam.IamIds;
import dev.trent.server.iam.IamPolicies;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IamXml;
import dev.trent.server.iam.ManagedPolicy;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import java.time.Clock;
import java.util.Map;

/** CreatePolicy: a customer managed policy (ANPA id) whose only version, v1, is its default. */
public final class CreatePolicy implements QueryAction {

    private final IamStore store;
    private final Clock clock;

    public CreatePolicy(IamStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String name = request.required("PolicyName", 1, 128, Patterns.NAME);
        String path = request.optional("Path", 1, 512, Patterns.POLICY_PATH).orElse("/");
        String document = request.required("PolicyDocument", 1, 131072, Patterns.POLICY_DOCUMENT);
        String description = request.optional("Description", 0, 1000, null).orElse(null);
        Map<String, String> tags = request.tags("Tags");
        IamPolicies.identityPolicy(document);
        ManagedPolicy policy = store.update(caller.account(), account -> {
            if (account.policyNamed(name).isPresent()) {
                throw QueryException.alreadyExists("A policy called " + name
                        + " already exists. Duplicate names are not allowed.");
            }
            ManagedPolicy created = new ManagedPolicy(name, path, IamIds.policyId(),
                    IamEntities.arn(account.account(), "policy", path, name), clock.instant(), document,
                    description, tags);
            return new IamStore.Change<>(account.withPolicy(created), created);
        });
        IamXml.policy(result, policy, 0);
    }
}
