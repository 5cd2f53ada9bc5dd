package dev.trent.server.policy;

import java.util.Set;
import java.util.TreeSet;

/**
 * Policy variables such as {@code ${aws:username}} or {@code ${aws:PrincipalTag/team}} in Resource and in the
 * values of string, ARN and Bool conditions: each is replaced by the single value of that context key. A
 * variable whose key the request lacks makes the whole value unusable (it matches nothing), unless it names a
 * default: {@code ${aws:PrincipalTag/team, 'none'}}. {@code ${*}}, {@code ${?}} and {@code ${$}} stand for the
 * characters themselves. Only documents of Version 2012-10-17 have variables; in older ones the text is literal.
 */
public final class PolicyVariables {

    private PolicyVariables() {
    }

    /** The text with every variable replaced, or null when one has no value and no default. */
    public static String resolve(String text, ContextKeys context) {
        int start = text.indexOf("${");
        if (start < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (start >= 0) {
            int end = text.indexOf('}', start);
            if (end < 0) {
                break;
            }
            out.append(text, from, start);
            String value = valueOf(text.substring(start + 2, end), context);
            if (value == null) {
                return null;
            }
            out.append(value);
            from = end + 1;
            start = text.indexOf("${", from);
        }
        return out.append(text.substring(from)).toString();
    }

    /** The context keys a text's variables read, normalised. */
    static Set<String> keysIn(String text) {
        Set<String> keys = new TreeSet<>();
        int start = text.indexOf("${");
        while (start >= 0) {
            int end = text.indexOf('}', start);
            if (end < 0) {
                break;
            }
            String name = text.substring(start + 2, end);
            int comma = name.indexOf(',');
            keys.add(ContextKeys.normalize((comma < 0 ? name : name.substring(0, comma)).trim()));
            start = text.indexOf("${", end);
        }
        return keys;
    }

    private static String valueOf(String variable, ContextKeys context) {
        switch (variable) {
            case "*":
            case "?":
            case "$":
                return variable;
            default:
                break;
        }
        String name = variable;
        String fallback = null;
        int comma = variable.indexOf(',');
        if (comma >= 0) {
            name = variable.substring(0, comma).trim();
            String rest = variable.substring(comma + 1).trim();
            if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
                fallback = rest.substring(1, rest.length() - 1);
            }
        }
        String value = context.single(name);
        return value != null ? value : fallback;
    }
}
