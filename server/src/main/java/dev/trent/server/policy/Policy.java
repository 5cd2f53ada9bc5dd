package dev.trent.server.policy;

import java.util.Objects;

/**
 * A document in the role it plays for one request: its kind and a name that SimulatePrincipalPolicy and logs
 * show as the source ({@code default} for a key policy, a user's inline policy name, a managed policy's ARN).
 */
public record Policy(String name, PolicyType type, PolicyDocument document) {

    public Policy {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(document);
    }

    public static Policy keyPolicy(PolicyDocument document) {
        return new Policy("default", PolicyType.RESOURCE_BASED, document);
    }

    public static Policy identity(String name, PolicyDocument document) {
        return new Policy(name, PolicyType.IDENTITY_BASED, document);
    }

    public static Policy session(String name, PolicyDocument document) {
        return new Policy(name, PolicyType.SESSION, document);
    }
}
