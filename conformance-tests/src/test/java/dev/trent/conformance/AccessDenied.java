package dev.trent.conformance;

import org.junit.jupiter.api.function.Executable;

/**
 * The four AccessDeniedException messages of AWS KMS, by what refused: no key policy allowing, no identity
 * policy allowing, an explicit deny in the key policy, an explicit deny in an identity policy. {@code resource}
 * is the key ARN, or {@code *} for account-level actions.
 */
final class AccessDenied {

    private AccessDenied() {
    }

    static void noResourcePolicy(String principalArn, String action, String resource, Executable call) {
        refused(head(principalArn, action, resource) + " because no resource-based policy allows the " + action
                + " action", call);
    }

    static void noIdentityPolicy(String principalArn, String action, String resource, Executable call) {
        refused(head(principalArn, action, resource) + " because no identity-based policy allows the " + action
                + " action", call);
    }

    static void denyInResourcePolicy(String principalArn, String action, String resource, Executable call) {
        refused(head(principalArn, action, resource) + " with an explicit deny in a resource-based policy", call);
    }

    static void denyInIdentityPolicy(String principalArn, String action, String resource, Executable call) {
        refused(head(principalArn, action, resource) + " with an explicit deny in an identity-based policy", call);
    }

    private static String head(String principalArn, String action, String resource) {
        return "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource;
    }

    private static void refused(String message, Executable call) {
        KmsErrors.assertUnmodeledError("AccessDeniedException", message, call);
    }
}
