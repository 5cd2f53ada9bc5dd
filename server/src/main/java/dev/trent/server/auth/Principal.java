package dev.trent.server.auth;

import java.util.Objects;

/**
 * Who a verified request acts as, in the terms IAM uses: the account, the ARN policies and error messages name,
 * and the unique id {@code GetCallerIdentity} reports as {@code UserId}.
 *
 * @param kind        what sort of identity signed the request
 * @param account     the 12-digit account the identity belongs to
 * @param arn         e.g. {@code arn:aws:iam::111122223333:root}, {@code arn:aws:iam::111122223333:user/alice},
 *                    {@code arn:aws:sts::111122223333:assumed-role/Signer/session}
 * @param principalId the account id for a root, {@code AIDA...} for a user, {@code AROA...:session} for a session
 */
public record Principal(Kind kind, String account, String arn, String principalId) {

    /** The identities IAM distinguishes in policies and in {@code GetCallerIdentity}. */
    public enum Kind { ROOT, USER, ASSUMED_ROLE }

    public Principal {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(arn);
        Objects.requireNonNull(principalId);
        if (account == null || !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("an account id is 12 digits, got '" + account + "'");
        }
    }

    /** The account's root user, as AWS names it: {@code arn:aws:iam::ACCOUNT:root}, id = the account id. */
    public static Principal root(String account) {
        return new Principal(Kind.ROOT, account, "arn:aws:iam::" + account + ":root", account);
    }

    public boolean isRoot() {
        return kind == Kind.ROOT;
    }
}
