package dev.trent.server.policy;

import java.util.Map;
import java.util.Objects;

/**
 * The caller as policies see it. {@code arn} is what error messages print ({@code arn:aws:iam::111122223333:user/Ana},
 * {@code arn:aws:sts::111122223333:assumed-role/Signer/build-42}); {@code roleArn} is the IAM role of a session
 * ({@code arn:aws:iam::111122223333:role/Signer}), which a key policy may name instead of the session and which
 * {@code aws:PrincipalArn} reports; {@code name} is the user name that {@code ${aws:username}} stands for.
 */
public record PolicyPrincipal(PrincipalKind kind, String account, String arn, String roleArn, String id, String name,
        Map<String, String> tags) {

    public PolicyPrincipal {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(account);
        Objects.requireNonNull(arn);
        if ((kind == PrincipalKind.ASSUMED_ROLE) != (roleArn != null)) {
            throw new IllegalArgumentException("exactly a role session has a role ARN");
        }
        tags = Map.copyOf(tags);
    }

    public static PolicyPrincipal root(String account) {
        return new PolicyPrincipal(PrincipalKind.ROOT, account, "arn:aws:iam::" + account + ":root", null, account,
                null, Map.of());
    }

    /** An IAM user; its ARN may carry a path ({@code user/team/Ana}), the name is the last part. */
    public static PolicyPrincipal user(String account, String arn, String id, Map<String, String> tags) {
        return new PolicyPrincipal(PrincipalKind.USER, account, arn, null, id, arn.substring(arn.lastIndexOf('/') + 1),
                tags);
    }

    /** A session of {@code roleArn}, shown as {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}. */
    public static PolicyPrincipal session(String account, String roleArn, String sessionName, String id,
            Map<String, String> tags) {
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String arn = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
        return new PolicyPrincipal(PrincipalKind.ASSUMED_ROLE, account, arn, roleArn, id, null, tags);
    }

    /** The value of {@code aws:PrincipalArn}: a session reports its role, as AWS documents. */
    public String principalArn() {
        return roleArn != null ? roleArn : arn;
    }
}
