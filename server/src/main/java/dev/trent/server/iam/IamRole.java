package dev.trent.server.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM role: name, path, unique id ({@code AROA...}), ARN, its trust policy (who may assume it), the longest
 * session it grants in seconds, tags, inline policies by name and attached managed policies' ARNs.
 */
public record IamRole(String name, String path, String id, String arn, Instant created, String trustPolicy,
                      String description, int maxSessionDuration, Map<String, String> tags,
                      Map<String, String> inlinePolicies, List<String> attached) {

    public IamRole {
        tags = IamAccount.ordered(tags);
        inlinePolicies = IamAccount.ordered(inlinePolicies);
        attached = List.copyOf(attached);
    }

    public IamRole withTrustPolicy(String document) {
        return new IamRole(name, path, id, arn, created, document, description, maxSessionDuration, tags,
                inlinePolicies, attached);
    }

    public IamRole withTags(Map<String, String> newTags) {
        return new IamRole(name, path, id, arn, created, trustPolicy, description, maxSessionDuration, newTags,
                inlinePolicies, attached);
    }

    public IamRole withInlinePolicies(Map<String, String> policies) {
        return new IamRole(name, path, id, arn, created, trustPolicy, description, maxSessionDuration, tags,
                policies, attached);
    }

    public IamRole withAttached(List<String> policyArns) {
        return new IamRole(name, path, id, arn, created, trustPolicy, description, maxSessionDuration, tags,
                inlinePolicies, policyArns);
    }
}
