package dev.trent.server.policy;

import java.util.List;

/** Builds one condition clause and tests it, for the operator tests. */
final class Conditions {

    private Conditions() {
    }

    static ConditionClause clause(String operator, String key, String... values) {
        return new ConditionClause(ConditionOperator.parse(operator), key, List.of(values));
    }

    static boolean holds(String operator, String key, List<String> policyValues, ContextKeys context) {
        return new ConditionClause(ConditionOperator.parse(operator), key, policyValues).test(context, true);
    }

    /** A context with one single-valued key. */
    static ContextKeys with(String key, String value) {
        return ContextKeys.builder().put(key, value).build();
    }

    static ContextKeys withAll(String key, String... values) {
        return ContextKeys.builder().putAll(key, List.of(values)).build();
    }
}
