package dev.trent.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Policy documents for tests, built as JSON trees so that no statement is ever malformed by string pasting.
 * A statement without Resource or NotResource gets {@code "Resource": "*"}, as key policies write it.
 */
final class PolicyJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyJson() {
    }

    static String policy(Statement... statements) {
        return policyOfVersion("2012-10-17", statements);
    }

    /** A document of an older language version ({@code 2008-10-17}), in which policy variables are plain text. */
    static String policyOfVersion(String version, Statement... statements) {
        ObjectNode document = JSON.createObjectNode().put("Version", version);
        ArrayNode list = document.putArray("Statement");
        for (Statement statement : statements) {
            list.add(statement.tree());
        }
        return document.toString();
    }

    static Statement allow() {
        return new Statement("Allow");
    }

    static Statement deny() {
        return new Statement("Deny");
    }

    /** One statement; each element setter replaces what was set before under that name. */
    static final class Statement {
        private final ObjectNode node = JSON.createObjectNode();
        private boolean resourceElement = true;

        private Statement(String effect) {
            node.put("Effect", effect);
        }

        /** {@code "Principal": "*"}, the bare string form. */
        Statement anyone() {
            node.put("Principal", "*");
            return this;
        }

        /** {@code "Principal": {"AWS": [...]}}. */
        Statement principal(String... aws) {
            node.putObject("Principal").set("AWS", strings(aws));
            return this;
        }

        Statement notPrincipal(String... aws) {
            node.putObject("NotPrincipal").set("AWS", strings(aws));
            return this;
        }

        Statement action(String... actions) {
            node.set("Action", strings(actions));
            return this;
        }

        Statement notAction(String... actions) {
            node.set("NotAction", strings(actions));
            return this;
        }

        Statement resource(String... resources) {
            node.set("Resource", strings(resources));
            return this;
        }

        Statement notResource(String... resources) {
            node.set("NotResource", strings(resources));
            return this;
        }

        /** Adds {@code "Condition": {operator: {key: values}}} beside any clauses already there. */
        Statement when(String operator, String key, String... values) {
            ObjectNode condition = node.has("Condition") ? (ObjectNode) node.get("Condition")
                    : node.putObject("Condition");
            ObjectNode byKey = condition.has(operator) ? (ObjectNode) condition.get(operator)
                    : condition.putObject(operator);
            byKey.set(key, values.length == 1 ? JSON.getNodeFactory().textNode(values[0]) : strings(values));
            return this;
        }

        /** A clause whose value is a JSON boolean, as AWS's examples write Bool conditions. */
        Statement when(String operator, String key, boolean value) {
            ObjectNode condition = node.has("Condition") ? (ObjectNode) node.get("Condition")
                    : node.putObject("Condition");
            ObjectNode byKey = condition.has(operator) ? (ObjectNode) condition.get(operator)
                    : condition.putObject(operator);
            byKey.put(key, value);
            return this;
        }

        /** Leaves out the default Resource, as a role's trust policy must. */
        Statement withoutResource() {
            resourceElement = false;
            return this;
        }

        /** This statement alone as a policy document. */
        String asPolicy() {
            return policy(this);
        }

        private ObjectNode tree() {
            ObjectNode copy = node.deepCopy();
            if (resourceElement && !copy.has("Resource") && !copy.has("NotResource")) {
                copy.put("Resource", "*");
            }
            return copy;
        }

        private static ArrayNode strings(String... values) {
            ArrayNode array = JSON.createArrayNode();
            List.of(values).forEach(array::add);
            return array;
        }
    }
}
