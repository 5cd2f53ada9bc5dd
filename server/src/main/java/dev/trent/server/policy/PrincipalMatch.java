package dev.trent.server.policy;

/**
 * How a resource policy's Principal names the caller, weakest first. The difference decides what else must
 * allow the request ("Policy evaluation logic", resource-based policies): an account delegates to the account's
 * identity policies; a role is limited by the session's policies; a user, a session or everyone is allowed
 * outright (within one account).
 */
public enum PrincipalMatch {
    NONE,
    /** The caller's account, as {@code 111122223333} or {@code arn:aws:iam::111122223333:root}. */
    ACCOUNT,
    /** The role the calling session belongs to. */
    ROLE,
    /** The caller itself (user, session, root ARN) or everyone ({@code *}). */
    DIRECT;

    public PrincipalMatch strongest(PrincipalMatch other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
