package dev.trent.server.policy;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The condition operators of IAM's policy language ("IAM JSON policy elements: Condition operators"), each with
 * the test of its positive form. A negated operator (StringNotEquals, NotIpAddress, ArnNotLike, ...) holds
 * exactly when its positive twin does not: with several policy values it is true only if none matches, as AWS
 * documents ("the effective permissions work like a logical AND").
 */
public enum BaseOperator {
    StringEquals(false, true, String::equals),
    StringNotEquals(true, true, String::equals),
    StringEqualsIgnoreCase(false, true, String::equalsIgnoreCase),
    StringNotEqualsIgnoreCase(true, true, String::equalsIgnoreCase),
    StringLike(false, true, (value, pattern) -> Wildcard.matches(pattern, value)),
    StringNotLike(true, true, (value, pattern) -> Wildcard.matches(pattern, value)),
    NumericEquals(false, false, (a, b) -> Comparisons.numeric(a, b, c -> c == 0)),
    NumericNotEquals(true, false, (a, b) -> Comparisons.numeric(a, b, c -> c == 0)),
    NumericLessThan(false, false, (a, b) -> Comparisons.numeric(a, b, c -> c < 0)),
    NumericLessThanEquals(false, false, (a, b) -> Comparisons.numeric(a, b, c -> c <= 0)),
    NumericGreaterThan(false, false, (a, b) -> Comparisons.numeric(a, b, c -> c > 0)),
    NumericGreaterThanEquals(false, false, (a, b) -> Comparisons.numeric(a, b, c -> c >= 0)),
    DateEquals(false, false, (a, b) -> Comparisons.date(a, b, c -> c == 0)),
    DateNotEquals(true, false, (a, b) -> Comparisons.date(a, b, c -> c == 0)),
    DateLessThan(false, false, (a, b) -> Comparisons.date(a, b, c -> c < 0)),
    DateLessThanEquals(false, false, (a, b) -> Comparisons.date(a, b, c -> c <= 0)),
    DateGreaterThan(false, false, (a, b) -> Comparisons.date(a, b, c -> c > 0)),
    DateGreaterThanEquals(false, false, (a, b) -> Comparisons.date(a, b, c -> c >= 0)),
    Bool(false, true, Comparisons::bool),
    BinaryEquals(false, false, Comparisons::binary),
    IpAddress(false, false, Comparisons::ip),
    NotIpAddress(true, false, Comparisons::ip),
    ArnEquals(false, true, (value, pattern) -> ArnPattern.matches(pattern, value)),
    ArnLike(false, true, (value, pattern) -> ArnPattern.matches(pattern, value)),
    ArnNotEquals(true, true, (value, pattern) -> ArnPattern.matches(pattern, value)),
    ArnNotLike(true, true, (value, pattern) -> ArnPattern.matches(pattern, value)),
    /** Tests presence, not values: "true" means the key must be absent, "false" that it must be present. */
    Null(false, false, (value, policy) -> false);

    private static final Map<String, BaseOperator> BY_LOWER_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.name().toLowerCase(Locale.ROOT), o -> o));

    private final boolean negated;
    private final boolean takesVariables;
    private final BiPredicate<String, String> positive;

    BaseOperator(boolean negated, boolean takesVariables, BiPredicate<String, String> positive) {
        this.negated = negated;
        this.takesVariables = takesVariables;
        this.positive = positive;
    }

    /** The operator of this name, ignoring case, or null. */
    static BaseOperator named(String name) {
        return BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean negated() {
        return negated;
    }

    /** Whether {@code ${...}} in the policy values is substituted (string, ARN and Bool operators). */
    boolean takesVariables() {
        return takesVariables;
    }

    /** The positive form's verdict for one request value against one policy value. */
    boolean positiveMatch(String contextValue, String policyValue) {
        return positive.test(contextValue, policyValue);
    }
}
