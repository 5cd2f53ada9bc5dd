package dev.trent.server.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One key under one operator, e.g. {@code "StringEquals": {"kms:CallerAccount": ["111122223333", "444455556666"]}}.
 * The policy values are alternatives (OR) for a positive operator and all excluded (AND) for a negated one.
 * Evaluation follows "IAM JSON policy elements: Condition operators" and "Single-valued vs. multivalued context
 * keys": an absent key fails a positive operator and satisfies a negated one, IfExists turns absence into a
 * pass, ForAllValues passes an absent or empty key and ForAnyValue fails it, whatever the base operator.
 */
public record ConditionClause(ConditionOperator operator, String key, List<String> values) {

    public ConditionClause {
        values = List.copyOf(values);
    }

    /** Whether the request satisfies this clause; {@code variables} says whether ${...} is substituted. */
    public boolean test(ContextKeys context, boolean variables) {
        List<String> present = context.values(key);
        BaseOperator base = operator.base();
        if (base == BaseOperator.Null) {
            return testNull(present != null);
        }
        if (present == null) {
            if (operator.ifExists()) {
                return true;
            }
            return switch (operator.qualifier()) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> base.negated();
            };
        }
        List<String> policyValues = resolved(context, variables && base.takesVariables());
        return switch (operator.qualifier()) {
            case NONE -> base.negated() != anyMatches(present, policyValues);
            case FOR_ANY_VALUE -> {
                for (String value : present) {
                    if (base.negated() != matchesOne(value, policyValues)) {
                        yield true;
                    }
                }
                yield false;
            }
            case FOR_ALL_VALUES -> {
                for (String value : present) {
                    if (base.negated() == matchesOne(value, policyValues)) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    private boolean testNull(boolean present) {
        for (String value : values) {
            if (Comparisons.isBoolean(value) && Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)) != present) {
                return true;
            }
        }
        return false;
    }

    private boolean anyMatches(List<String> present, List<String> policyValues) {
        for (String value : present) {
            if (matchesOne(value, policyValues)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesOne(String contextValue, List<String> policyValues) {
        for (String policyValue : policyValues) {
            if (operator.base().positiveMatch(contextValue, policyValue)) {
                return true;
            }
        }
        return false;
    }

    private List<String> resolved(ContextKeys context, boolean variables) {
        if (!variables) {
            return values;
        }
        List<String> out = new ArrayList<>(values.size());
        for (String value : values) {
            String r = PolicyVariables.resolve(value, context);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
