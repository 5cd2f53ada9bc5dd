package dev.trent.server.iam.op;

import dev.trent.server.iam.IamPolicies;
import dev.trent.server.iam.IdentityPolicies;
import dev.trent.server.policy.ApplicablePolicies;
import dev.trent.server.policy.AuthorizationRequest;
import dev.trent.server.policy.Authorizer;
import dev.trent.server.policy.ConditionClause;
import dev.trent.server.policy.ContextKeys;
import dev.trent.server.policy.Decision;
import dev.trent.server.policy.MatchedStatement;
import dev.trent.server.policy.Policy;
import dev.trent.server.policy.Resource;
import dev.trent.server.policy.Statement;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SimulatePrincipalPolicy: weighs the identity policies of a user or role (plus any given in PolicyInputList)
 * for each action and resource, with the same evaluator that authorizes requests, and reports allowed,
 * explicitDeny or implicitDeny with the statements that decided.
 */
public final class SimulatePrincipalPolicy implements QueryAction {

    private final IdentityPolicies identities;
    private final Authorizer authorizer;

    public SimulatePrincipalPolicy(IdentityPolicies identities, Authorizer authorizer) {
        this.identities = identities;
        this.authorizer = authorizer;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String source = request.required("PolicySourceArn", 20, 2048, null);
        List<String> actions = request.list("ActionNames");
        if (actions.isEmpty()) {
            throw QueryException.validation("1 validation error detected: Value null at 'actionNames' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        List<String> resources = request.list("ResourceArns");
        if (resources.isEmpty()) {
            resources = List.of("*");
        }
        request.integer("MaxItems", 1, 1000);
        IdentityPolicies.Holding holding = identities.of(source).orElseThrow(() ->
                QueryException.noSuchEntity("PolicySourceArn " + source + " does not exist."));
        List<Policy> policies = new ArrayList<>(holding.policies());
        Map<String, IdentityPolicies.Source> sources = new HashMap<>(holding.sources());
        List<String> inputs = request.list("PolicyInputList");
        for (int i = 0; i < inputs.size(); i++) {
            String key = "input:" + (i + 1);
            policies.add(Policy.identity(key, IamPolicies.identityPolicy(inputs.get(i))));
            sources.put(key, new IdentityPolicies.Source("none", "PolicyInputList." + (i + 1)));
        }
        ContextKeys context = context(request);
        ApplicablePolicies applicable = ApplicablePolicies.identityOnly(policies, null);
        String account = holding.principal().account();
        result.start("EvaluationResults");
        for (String action : actions) {
            for (String resourceArn : resources) {
                Decision decision = authorizer.authorize(new AuthorizationRequest(holding.principal(), action,
                        resource(resourceArn, account), context, true), applicable, false);
                result.start("member").element("EvalActionName", action).element("EvalResourceName", resourceArn)
                        .element("EvalDecision", decision.decision().wireName()).start("MatchedStatements");
                for (MatchedStatement statement : decision.matchedStatements()) {
                    IdentityPolicies.Source from = sources.get(statement.policyName());
                    result.start("member").element("SourcePolicyId", from.id())
                            .element("SourcePolicyType", from.type()).end();
                }
                result.end().start("MissingContextValues");
                if (resourceArn.equals("*")) {
                    // AWS reports missing values here only for "*"; per-resource results are not modelled.
                    for (String key : missingContextValues(policies, action, context)) {
                        result.element("member", key);
                    }
                }
                result.end().end();
            }
        }
        result.end().element("IsTruncated", false);
    }

    /**
     * The condition keys that statements applying to {@code action} read and the simulation was given no value
     * for, each once, in policy order: what a caller would have to supply for those statements to be judged.
     */
    static List<String> missingContextValues(List<Policy> policies, String action, ContextKeys context) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Policy policy : policies) {
            for (Statement statement : policy.document().statements()) {
                if (!statement.coversAction(action)) {
                    continue;
                }
                for (ConditionClause clause : statement.conditions()) {
                    if (!context.has(clause.key())) {
                        missing.putIfAbsent(clause.key().toLowerCase(Locale.ROOT), clause.key());
                    }
                }
            }
        }
        return List.copyOf(missing.values());
    }

    private static Resource resource(String arn, String account) {
        if (arn.equals("*")) {
            return new Resource("*", account, "*");
        }
        try {
            return Resource.of(arn);
        } catch (IllegalArgumentException e) {
            throw QueryException.invalidInput("Resource " + arn + " is not a valid ARN.");
        }
    }

    private static ContextKeys context(QueryRequest request) {
        ContextKeys.Builder builder = ContextKeys.builder();
        List<Map<String, String>> entries = request.structures("ContextEntries");
        for (Map<String, String> entry : entries) {
            String name = entry.get("ContextKeyName");
            if (name == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int i = 1; entry.containsKey("ContextKeyValues.member." + i); i++) {
                values.add(entry.get("ContextKeyValues.member." + i));
            }
            builder.putAll(name, values);
        }
        return builder.build();
    }
}
