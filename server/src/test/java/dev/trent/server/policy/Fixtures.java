package dev.trent.server.policy;

import java.util.List;
import java.util.Map;

/** Principals, keys and small policy builders the policy tests share. */
final class Fixtures {

    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final String REGION = "us-west-2";
    static final String KEY_ARN = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String ROOT_ARN = "arn:aws:iam::111122223333:root";
    static final String ROLE_ARN = "arn:aws:iam::111122223333:role/Signer";
    static final String USER_ARN = "arn:aws:iam::111122223333:user/Ana";

    static final PolicyPrincipal ROOT = PolicyPrincipal.root(ACCOUNT);
    static final PolicyPrincipal ANA = PolicyPrincipal.user(ACCOUNT, USER_ARN, "AIDAANA", Map.of("team", "blue"));
    static final PolicyPrincipal SESSION = PolicyPrincipal.session(ACCOUNT, ROLE_ARN, "build-42", "AROASIGNER:build-42",
            Map.of());
    static final PolicyPrincipal BOB_ELSEWHERE = PolicyPrincipal.user(OTHER_ACCOUNT,
            "arn:aws:iam::444455556666:user/Bob", "AIDABOB", Map.of());

    private Fixtures() {
    }

    static PolicyDocument doc(String... statements) {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements)
                + "]}");
    }

    /** A statement from its JSON members, e.g. {@code stmt("\"Effect\":\"Allow\",\"Action\":\"kms:*\"")}. */
    static String stmt(String members) {
        return "{" + members + "}";
    }

    static String allow(String principalJson, String action, String extra) {
        return stmt("\"Effect\":\"Allow\"" + (principalJson == null ? "" : ",\"Principal\":" + principalJson)
                + ",\"Action\":\"" + action + "\",\"Resource\":\"*\"" + (extra == null ? "" : "," + extra));
    }

    static String deny(String principalJson, String action, String extra) {
        return stmt("\"Effect\":\"Deny\"" + (principalJson == null ? "" : ",\"Principal\":" + principalJson)
                + ",\"Action\":\"" + action + "\",\"Resource\":\"*\"" + (extra == null ? "" : "," + extra));
    }

    static String aws(String name) {
        return "{\"AWS\":\"" + name + "\"}";
    }

    /** AWS's default key policy: the account root may do everything, which enables identity policies. */
    static Policy defaultKeyPolicy() {
        return Policy.keyPolicy(doc(allow(aws(ROOT_ARN), "kms:*", "\"Sid\":\"Enable IAM User Permissions\"")));
    }

    static Policy identity(String name, String... statements) {
        return Policy.identity(name, doc(statements));
    }

    static AuthorizationRequest request(PolicyPrincipal principal, String action, ContextKeys context) {
        return new AuthorizationRequest(principal, action, Resource.of(KEY_ARN), context, true);
    }

    static AuthorizationRequest request(PolicyPrincipal principal, String action) {
        return request(principal, action, ContextKeys.EMPTY);
    }

    static ApplicablePolicies keyAndIdentity(Policy keyPolicy, Policy... identity) {
        return new ApplicablePolicies(keyPolicy, List.of(identity), null);
    }
}
