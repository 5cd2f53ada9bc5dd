package dev.trent.server.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a policy document (JSON) into statements the evaluator can run: Version, Id, Statement as one object or
 * an array, and in each statement Sid, Effect, Principal/NotPrincipal, Action/NotAction, Resource/NotResource
 * and Condition. Strings and lists of strings are both accepted wherever IAM accepts either; numbers and
 * booleans in condition values are read as their text, as AWS does. Anything else is a
 * {@link PolicyParseException} naming the statement.
 */
final class PolicyParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PolicyParser() {
    }

    static PolicyDocument parse(String source) {
        JsonNode document;
        try {
            document = JSON.readTree(source);
        } catch (JsonProcessingException e) {
            throw new PolicyParseException("The policy is not valid JSON.");
        }
        if (document == null || !document.isObject()) {
            throw new PolicyParseException("The policy must be a JSON object.");
        }
        String version = optionalText(document, "Version", "The policy's Version");
        String id = optionalText(document, "Id", "The policy's Id");
        JsonNode statementNode = document.get("Statement");
        List<JsonNode> nodes = new ArrayList<>();
        if (statementNode != null && statementNode.isObject()) {
            nodes.add(statementNode);
        } else if (statementNode != null && statementNode.isArray()) {
            statementNode.forEach(nodes::add);
        } else {
            throw new PolicyParseException("The policy must have a Statement object or array.");
        }
        List<Statement> statements = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            statements.add(statement(nodes.get(i), i, keys));
        }
        return new PolicyDocument(source, id, version, statements, keys);
    }

    private static Statement statement(JsonNode node, int index, Set<String> keys) {
        String where = "Statement " + (index + 1) + " of the policy ";
        if (!node.isObject()) {
            throw new PolicyParseException(where + "is not a JSON object.");
        }
        String sid = optionalText(node, "Sid", where + "Sid");
        String effectText = optionalText(node, "Effect", where + "Effect");
        if (!"Allow".equals(effectText) && !"Deny".equals(effectText)) {
            throw new PolicyParseException(where + "must have an Effect of Allow or Deny.");
        }
        exclusive(node, "Principal", "NotPrincipal", where);
        exclusive(node, "Action", "NotAction", where);
        exclusive(node, "Resource", "NotResource", where);
        boolean notPrincipal = node.has("NotPrincipal");
        JsonNode principalNode = notPrincipal ? node.get("NotPrincipal") : node.get("Principal");
        PrincipalSet principals = principalNode == null ? null : principals(principalNode, where);
        boolean notAction = node.has("NotAction");
        List<String> actions = strings(node.get(notAction ? "NotAction" : "Action"), where + "Action");
        boolean notResource = node.has("NotResource");
        List<String> resources = strings(node.get(notResource ? "NotResource" : "Resource"), where + "Resource");
        resources.forEach(r -> keys.addAll(PolicyVariables.keysIn(r)));
        List<ConditionClause> conditions = conditions(node.get("Condition"), where, keys);
        return new Statement(index, sid, Effect.valueOf(effectText), principals, notPrincipal, actions, notAction,
                resources, notResource, conditions);
    }

    private static void exclusive(JsonNode node, String positive, String negative, String where) {
        if (node.has(positive) && node.has(negative)) {
            throw new PolicyParseException(where + "must not have both " + positive + " and " + negative + ".");
        }
    }

    private static PrincipalSet principals(JsonNode node, String where) {
        if (node.isTextual() && node.textValue().equals("*")) {
            return new PrincipalSet(true, Map.of());
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new PolicyParseException(where + "contains one or more invalid principals.");
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            byType.put(field.getKey(), strings(field.getValue(), where + "Principal"));
        }
        return new PrincipalSet(false, byType);
    }

    private static List<ConditionClause> conditions(JsonNode node, String where, Set<String> keys) {
        List<ConditionClause> clauses = new ArrayList<>();
        if (node == null) {
            return clauses;
        }
        if (!node.isObject()) {
            throw new PolicyParseException(where + "has a Condition that is not a JSON object.");
        }
        Iterator<Map.Entry<String, JsonNode>> operators = node.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> operator = operators.next();
            ConditionOperator op = ConditionOperator.parse(operator.getKey());
            if (!operator.getValue().isObject()) {
                throw new PolicyParseException(where + "has a Condition operator whose value is not a JSON object.");
            }
            Iterator<Map.Entry<String, JsonNode>> entries = operator.getValue().fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                List<String> values = conditionValues(entry.getValue(), where);
                keys.add(ContextKeys.normalize(entry.getKey()));
                if (op.base().takesVariables()) {
                    values.forEach(v -> keys.addAll(PolicyVariables.keysIn(v)));
                }
                clauses.add(new ConditionClause(op, entry.getKey(), values));
            }
        }
        return clauses;
    }

    private static List<String> conditionValues(JsonNode node, String where) {
        List<String> out = new ArrayList<>();
        if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (!element.isValueNode() || element.isNull()) {
                    throw new PolicyParseException(where + "has a Condition value that is not a string.");
                }
                out.add(element.asText());
            }
        } else {
            throw new PolicyParseException(where + "has a Condition value that is not a string.");
        }
        return out;
    }

    /** A string or an array of strings; absent means none. */
    private static List<String> strings(JsonNode node, String what) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.textValue());
            return out;
        }
        if (!node.isArray()) {
            throw new PolicyParseException(what + " must be a string or an array of strings.");
        }
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new PolicyParseException(what + " must be a string or an array of strings.");
            }
            out.add(element.textValue());
        }
        return out;
    }

    private static String optionalText(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new PolicyParseException(what + " must be a string.");
        }
        return value.textValue();
    }
}
