package dev.trent.server.policy;

/**
 * A statement that applied to a request: which policy it came from, its position (from 0) and Sid, and for a
 * resource policy how its Principal named the caller. SimulatePrincipalPolicy reports these as MatchedStatements.
 */
public record MatchedStatement(String policyName, PolicyType policyType, int index, String sid, Effect effect,
        PrincipalMatch principalMatch) {
}
