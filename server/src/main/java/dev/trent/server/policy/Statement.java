package dev.trent.server.policy;

import java.util.List;

/**
 * One statement of a policy, already read. {@code index} counts from 0 in document order. {@code principals} is
 * null when the statement names none, as in identity policies, which apply to whoever holds them. An absent
 * Action or Resource is an empty list with its {@code not} flag false, so the statement applies to nothing.
 */
public record Statement(int index, String sid, Effect effect, PrincipalSet principals, boolean notPrincipal,
        List<String> actions, boolean notAction, List<String> resources, boolean notResource,
        List<ConditionClause> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** How the Principal or NotPrincipal element names the caller; NONE when the statement has neither. */
    public PrincipalMatch principalMatch(PolicyPrincipal caller) {
        if (principals == null) {
            return PrincipalMatch.NONE;
        }
        if (!notPrincipal) {
            return principals.match(caller);
        }
        return principals.excludes(caller) ? PrincipalMatch.NONE : PrincipalMatch.DIRECT;
    }

    /** Whether Action/NotAction covers {@code action}; names compare ignoring case. */
    public boolean coversAction(String action) {
        boolean listed = false;
        for (String pattern : actions) {
            if (Wildcard.matchesIgnoringCase(pattern, action)) {
                listed = true;
                break;
            }
        }
        return notAction ? !listed && !actions.isEmpty() : listed;
    }

    /** Whether Resource/NotResource covers the resource ARN, with policy variables substituted when enabled. */
    public boolean coversResource(String arn, ContextKeys context, boolean variables) {
        boolean listed = false;
        for (String pattern : resources) {
            String p = variables ? PolicyVariables.resolve(pattern, context) : pattern;
            if (p != null && ArnPattern.matches(p, arn)) {
                listed = true;
                break;
            }
        }
        return notResource ? !listed && !resources.isEmpty() : listed;
    }

    /** All clauses hold (AND across operators and keys). */
    public boolean conditionsHold(ContextKeys context, boolean variables) {
        for (ConditionClause clause : conditions) {
            if (!clause.test(context, variables)) {
                return false;
            }
        }
        return true;
    }
}
