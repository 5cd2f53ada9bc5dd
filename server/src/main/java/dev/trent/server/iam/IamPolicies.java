package dev.trent.server.iam;

import dev.trent.server.policy.PolicyDocument;
import dev.trent.server.policy.PolicyParseException;
import dev.trent.server.policy.Statement;
import dev.trent.server.query.QueryException;

/**
 * The checks IAM makes of a policy document before storing it, refused as MalformedPolicyDocument: it must
 * parse, an identity policy names no Principal, and a trust policy names one in every statement.
 */
public final class IamPolicies {

    private IamPolicies() {
    }

    public static PolicyDocument identityPolicy(String json) {
        PolicyDocument document = parse(json);
        for (Statement statement : document.statements()) {
            if (statement.principals() != null) {
                throw QueryException.malformedPolicy("Policy document should not specify a principal.");
            }
        }
        return document;
    }

    public static PolicyDocument trustPolicy(String json) {
        PolicyDocument document = parse(json);
        for (Statement statement : document.statements()) {
            if (statement.principals() == null) {
                throw QueryException.malformedPolicy("Missing required field Principal");
            }
        }
        return document;
    }

    private static PolicyDocument parse(String json) {
        try {
            return PolicyDocument.parse(json);
        } catch (PolicyParseException e) {
            throw QueryException.malformedPolicy(e.getMessage());
        } catch (RuntimeException e) {
            throw QueryException.malformedPolicy("Syntax errors in policy.");
        }
    }
}
