package dev.trent.server.service;

/** AWS's default key policy and the one key policy name. */
public final class KeyPolicies {

    /** The only key policy name KMS has ("The only valid name is default", GetKeyPolicy's PolicyName). */
    public static final String DEFAULT_NAME = "default";

    /** Checks a policy document before it is stored; the API layer supplies the JSON-reading implementation. */
    @FunctionalInterface
    public interface Checker {
        /**
         * Throws LimitExceededException or MalformedPolicyDocumentException for a policy {@code account}'s key
         * may not have; the lockout safety check is skipped when {@code bypassLockoutSafetyCheck}.
         */
        void check(String policy, String account, boolean bypassLockoutSafetyCheck);
    }

    private KeyPolicies() {
    }

    /**
     * The policy KMS gives a key created without one ("Default key policy", KMS developer guide), laid out the
     * way GetKeyPolicy returns it from AWS: two-space indentation and {@code " : "} between name and value.
     */
    public static String defaultPolicy(String account) {
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "key-default-1",
                  "Statement" : [ {
                    "Sid" : "Enable IAM User Permissions",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::%s:root"
                    },
                    "Action" : "kms:*",
                    "Resource" : "*"
                  } ]
                }""".formatted(account);
    }
}
