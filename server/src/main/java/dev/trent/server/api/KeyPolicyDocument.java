package dev.trent.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.error.LimitExceededException;
import dev.trent.server.error.MalformedPolicyDocumentException;
import dev.trent.server.policy.PolicyDocument;
import dev.trent.server.policy.PolicyParseException;
import dev.trent.server.policy.Wildcard;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks CreateKey and PutKeyPolicy apply to a key policy before it is stored. Policies are checked for
 * shape and then read by the policy language's parser ({@code policy.PolicyDocument}), so
 * that only documents the evaluator can run are stored; evaluating them against requests is the job of
 * {@code service.PolicyEnforcement}.
 */
public final class KeyPolicyDocument {

    /**
     * AWS's historical key policy size quota, 32 KB (32,768 bytes, the "Key policy document size" resource limit
     * of the KMS developer guide, PROTOCOL.md 4.6); the model itself allows 131,072 characters.
     */
    public static final int MAX_POLICY_BYTES = 32768;

    public static final String LOCKOUT_MESSAGE =
            "The new key policy will not allow you to update the key policy in the future.";

    /**
     * KMS refuses ForAllValues over one encryption context pair ("kms:EncryptionContext:context-key", KMS
     * developer guide): the condition would hold for a request without that pair, or with pairs never named.
     */
    public static final String OVERLY_PERMISSIVE_CONTEXT_MESSAGE = "OverlyPermissiveCondition:EncryptionContext:"
            + " Using the ForAllValues set operator with a single-valued condition key matches requests without the"
            + " specified encryption context or with an unspecified encryption context. To fix, remove ForAllValues.";

    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final String FOR_ALL_VALUES = "forallvalues:";
    private static final String ENCRYPTION_CONTEXT_PAIR = "kms:encryptioncontext:";
    private static final String PROTECTED_ACTION = "kms:putkeypolicy";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private KeyPolicyDocument() {
    }

    /**
     * Checks a policy for {@code account}'s key: size quota (LimitExceededException), JSON and policy grammar
     * (MalformedPolicyDocumentException) and, unless {@code bypassLockoutSafetyCheck}, that the account root
     * may still call PutKeyPolicy afterwards.
     */
    public static void validate(String policy, String account, boolean bypassLockoutSafetyCheck) {
        if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw new LimitExceededException("The key policy exceeds the maximum size of " + MAX_POLICY_BYTES
                    + " bytes.");
        }
        JsonNode document;
        try {
            document = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            throw malformed("The key policy is not valid JSON.");
        }
        if (document == null || !document.isObject()) {
            throw malformed("The key policy must be a JSON object.");
        }
        JsonNode version = document.get("Version");
        if (version == null || !version.isTextual() || !VERSIONS.contains(version.textValue())) {
            throw malformed("The key policy must have a Version of 2012-10-17 or 2008-10-17.");
        }
        List<JsonNode> statements = statements(document.get("Statement"));
        boolean keepsUpdateAccess = false;
        for (int i = 0; i < statements.size(); i++) {
            checkStatement(statements.get(i), i + 1);
            keepsUpdateAccess |= allowsRootToPutPolicy(statements.get(i), account);
        }
        if (!bypassLockoutSafetyCheck && !keepsUpdateAccess) {
            throw malformed(LOCKOUT_MESSAGE);
        }
        // What is stored must be what the evaluator can run: conditions are read here, once, not at request time.
        try {
            PolicyDocument.parse(policy);
        } catch (PolicyParseException e) {
            throw malformed(e.getMessage());
        }
    }

    private static List<JsonNode> statements(JsonNode statement) {
        List<JsonNode> out = new ArrayList<>();
        if (statement != null && statement.isObject()) {
            out.add(statement);
        } else if (statement != null && statement.isArray()) {
            statement.forEach(out::add);
        }
        if (out.isEmpty()) {
            throw malformed("The key policy must have a non-empty Statement.");
        }
        return out;
    }

    private static void checkStatement(JsonNode statement, int number) {
        String where = "Statement " + number + " of the key policy ";
        if (!statement.isObject()) {
            throw malformed(where + "is not a JSON object.");
        }
        JsonNode effect = statement.get("Effect");
        if (effect == null || !effect.isTextual()
                || !(effect.textValue().equals("Allow") || effect.textValue().equals("Deny"))) {
            throw malformed(where + "must have an Effect of Allow or Deny.");
        }
        JsonNode principal = oneOf(statement, "Principal", "NotPrincipal", where);
        boolean validPrincipal = principal.isTextual() ? principal.textValue().equals("*")
                : principal.isObject() && principal.size() > 0 && allStrings(principal);
        if (!validPrincipal) {
            throw malformed(where + "contains one or more invalid principals.");
        }
        // AWS accepts a statement without Action or Resource; such a statement simply grants nothing.
        JsonNode action = optionalOneOf(statement, "Action", "NotAction", where);
        if (action != null && !isStringOrStrings(action)) {
            throw malformed(where + "has an invalid Action or NotAction.");
        }
        JsonNode resource = optionalOneOf(statement, "Resource", "NotResource", where);
        if (resource != null && !isStringOrStrings(resource)) {
            throw malformed(where + "has an invalid Resource or NotResource.");
        }
        refuseForAllValuesOnAContextPair(statement.get("Condition"));
    }

    private static void refuseForAllValuesOnAContextPair(JsonNode condition) {
        if (condition == null || !condition.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> operators = condition.fields(); operators.hasNext(); ) {
            Map.Entry<String, JsonNode> operator = operators.next();
            if (!operator.getKey().toLowerCase(Locale.ROOT).startsWith(FOR_ALL_VALUES)) {
                continue;
            }
            for (Iterator<String> keys = operator.getValue().fieldNames(); keys.hasNext(); ) {
                if (keys.next().toLowerCase(Locale.ROOT).startsWith(ENCRYPTION_CONTEXT_PAIR)) {
                    throw malformed(OVERLY_PERMISSIVE_CONTEXT_MESSAGE);
                }
            }
        }
    }

    /** The element named {@code positive} or {@code negative}: exactly one must be present. */
    private static JsonNode oneOf(JsonNode statement, String positive, String negative, String where) {
        JsonNode a = statement.get(positive);
        JsonNode b = statement.get(negative);
        if (a != null && b != null) {
            throw malformed(where + "must not have both " + positive + " and " + negative + ".");
        }
        if (a == null && b == null) {
            throw malformed(where + "must have a " + positive + " or " + negative + ".");
        }
        return a != null ? a : b;
    }

    /** The element named {@code positive} or {@code negative}, or null when neither is there; never both. */
    private static JsonNode optionalOneOf(JsonNode statement, String positive, String negative, String where) {
        return statement.has(positive) || statement.has(negative) ? oneOf(statement, positive, negative, where) : null;
    }

    private static boolean allStrings(JsonNode object) {
        for (JsonNode value : object) {
            if (!isStringOrStrings(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStringOrStrings(JsonNode node) {
        if (node.isTextual()) {
            return !node.textValue().isEmpty();
        }
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isTextual() || element.textValue().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the statement lets the account root call PutKeyPolicy: an Allow with a Principal (not
     * NotPrincipal) naming the root ARN, the bare account id or {@code *}, and an Action (not NotAction) that
     * matches {@code kms:PutKeyPolicy}. Conditions and Deny statements are not weighed, as AWS's safety check is
     * only a guard against obvious lockouts.
     */
    private static boolean allowsRootToPutPolicy(JsonNode statement, String account) {
        if (!"Allow".equals(statement.path("Effect").asText()) || !statement.has("Principal")
                || !statement.has("Action")) {
            return false;
        }
        JsonNode principal = statement.get("Principal");
        boolean root = principal.isTextual() ? principal.textValue().equals("*")
                : values(principal.path("AWS")).stream().anyMatch(p -> p.equals("*") || p.equals(account)
                        || p.equals("arn:aws:iam::" + account + ":root"));
        return root && values(statement.get("Action")).stream().anyMatch(KeyPolicyDocument::coversPutKeyPolicy);
    }

    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static boolean coversPutKeyPolicy(String action) {
        return Wildcard.matchesIgnoringCase(action, PROTECTED_ACTION);
    }

    private static MalformedPolicyDocumentException malformed(String message) {
        return new MalformedPolicyDocumentException(message);
    }
}
