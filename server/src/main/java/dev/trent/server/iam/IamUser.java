package dev.trent.server.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM user: name, path, unique id ({@code AIDA...}), ARN, tags, inline policies by name and the ARNs of the
 * managed policies attached to it.
 */
public record IamUser(String name, String path, String id, String arn, Instant created, Map<String, String> tags,
                      Map<String, String> inlinePolicies, List<String> attached) {

    public IamUser {
        tags = IamAccount.ordered(tags);
        inlinePolicies = IamAccount.ordered(inlinePolicies);
        attached = List.copyOf(attached);
    }

    public IamUser withTags(Map<String, String> newTags) {
        return new IamUser(name, path, id, arn, created, newTags, inlinePolicies, attached);
    }

    public IamUser withInlinePolicies(Map<String, String> policies) {
        return new IamUser(name, path, id, arn, created, tags, policies, attached);
    }

    public IamUser withAttached(List<String> policyArns) {
        return new IamUser(name, path, id, arn, created, tags, inlinePolicies, policyArns);
    }
}
