package dev.trent.server.policy;

import java.util.Locale;

/**
 * A condition operator as written, e.g. {@code ForAnyValue:StringLikeIfExists}: a set qualifier, a base
 * operator and the {@code IfExists} suffix. Null takes neither suffix nor qualifier.
 */
public record ConditionOperator(String written, SetQualifier qualifier, BaseOperator base, boolean ifExists) {

    private static final String IF_EXISTS = "ifexists";

    /** Reads an operator name; unknown names are a parse error, as AWS refuses them. */
    public static ConditionOperator parse(String written) {
        String rest = written;
        SetQualifier qualifier = SetQualifier.NONE;
        int colon = written.indexOf(':');
        if (colon >= 0) {
            String prefix = written.substring(0, colon).toLowerCase(Locale.ROOT);
            qualifier = switch (prefix) {
                case "foranyvalue" -> SetQualifier.FOR_ANY_VALUE;
                case "forallvalues" -> SetQualifier.FOR_ALL_VALUES;
                default -> throw unknown(written);
            };
            rest = written.substring(colon + 1);
        }
        boolean ifExists = false;
        BaseOperator base = BaseOperator.named(rest);
        if (base == null && rest.toLowerCase(Locale.ROOT).endsWith(IF_EXISTS)) {
            base = BaseOperator.named(rest.substring(0, rest.length() - IF_EXISTS.length()));
            ifExists = true;
        }
        if (base == null || (base == BaseOperator.Null && ifExists)) {
            throw unknown(written);
        }
        return new ConditionOperator(written, qualifier, base, ifExists);
    }

    private static PolicyParseException unknown(String written) {
        return new PolicyParseException("The policy has an unknown condition operator: " + written + ".");
    }
}
