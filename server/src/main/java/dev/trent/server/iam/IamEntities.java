package dev.trent.server.iam;

import dev.trent.server.query.QueryException;

/**
 * Finding users, roles, policies and keys of an account, each refused with IAM's NoSuchEntity message when
 * absent, and the ARNs IAM gives them.
 */
public final class IamEntities {

    private IamEntities() {
    }

    public static IamUser user(IamAccount account, String name) {
        return account.user(name).orElseThrow(() ->
                QueryException.noSuchEntity("The user with name " + name + " cannot be found."));
    }

    public static IamRole role(IamAccount account, String name) {
        return account.role(name).orElseThrow(() ->
                QueryException.noSuchEntity("The role with name " + name + " cannot be found."));
    }

    /** A managed policy by ARN; an ARN of the wrong shape is InvalidInput, as IAM answers. */
    public static ManagedPolicy policy(IamAccount account, String arn) {
        if (!arn.startsWith("arn:aws:iam::") || !arn.contains(":policy/")) {
            throw QueryException.invalidInput("ARN " + arn + " is not valid.");
        }
        return account.policy(arn).orElseThrow(() ->
                QueryException.noSuchEntity("Policy " + arn + " does not exist or is not attachable."));
    }

    /** {@code arn:aws:iam::<account>:<kind><path><name>}, e.g. {@code user/team/ana} for path {@code /team/}. */
    public static String arn(String account, String kind, String path, String name) {
        return "arn:aws:iam::" + account + ":" + kind + path + name;
    }
}
