package dev.trent.server.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.policy.PolicyDocument;
import dev.trent.server.policy.PolicyParseException;
import dev.trent.server.policy.Statement;
import dev.trent.server.query.QueryException;
import java.io.IOException;
import java.util.List;

/**
 * The checks IAM makes of a policy document before storing it, refused as MalformedPolicyDocument: it must
 * parse, an identity policy names no Principal, and a trust policy names one in every statement.
 */
public final class IamPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * A trust policy as the evaluator weighs a resource policy. A trust policy has no Resource element (the role
     * is its resource), and a statement without one applies to nothing, so each statement is given the role as
     * its Resource.
     */
    public static String asResourcePolicy(String trustPolicy, String roleArn) {
        try {
            JsonNode root = JSON.readTree(trustPolicy);
            JsonNode statements = root.path("Statement");
            Iterable<JsonNode> each = statements.isArray() ? statements
                    : List.of(statements);
            for (JsonNode statement : each) {
                if (statement instanceof ObjectNode object
                        && !object.has("Resource") && !object.has("NotResource")) {
                    object.put("Resource", roleArn);
                }
            }
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw QueryException.malformedPolicy("Syntax errors in policy.");
        }
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
