package dev.trent.server.api;

import java.util.Optional;
import java.util.regex.Pattern;

/** The key policy members of CreateKey, GetKeyPolicy and PutKeyPolicy, read with the model's constraints. */
public final class PolicyMembers {

    /** PolicyType: 1 to 131,072 characters of tab, line feed, carriage return and U+0020 to U+00FF. */
    private static final Pattern POLICY = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final String POLICY_SHOWN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    /** PolicyNameType: 1 to 128 word characters. */
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w]+");

    private PolicyMembers() {
    }

    public static Optional<String> policy(JsonRequest request) {
        return request.string("Policy", 1, 131072, POLICY, POLICY_SHOWN);
    }

    public static String requiredPolicy(JsonRequest request) {
        request.required("Policy");
        return policy(request).orElse(null);
    }

    /** PolicyName, {@code default} when absent (the documented default). */
    public static String policyName(JsonRequest request) {
        return request.string("PolicyName", 1, 128, POLICY_NAME, "[\\w]+").orElse("default");
    }
}
