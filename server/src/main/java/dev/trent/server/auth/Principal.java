package dev.trent.server.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a verified request acts as, in the terms IAM uses: the account, the ARN policies and error messages name,
 * and the unique id {@code GetCallerIdentity} reports as {@code UserId}.
 *
 * @param kind        what sort of identity signed the request
 * @param account     the 12-digit account the identity belongs to
 * @param arn         e.g. {@code arn:aws:iam::111122223333:root}, {@code arn:aws:iam::111122223333:user/alice},
 *                    {@code arn:aws:sts::111122223333:assumed-role/Signer/session}
 * @param principalId the account id for a root, {@code AIDA...} for a user, {@code AROA...:session} for a session
 * @param session     for a role session, what AssumeRole gave it besides the role: its session policy and tags
 */
public record Principal(Kind kind, String account, String arn, String principalId,
                        Optional<SessionAttributes> session) {

    /** The identities IAM distinguishes in policies and in {@code GetCallerIdentity}. */
    public enum Kind { ROOT, USER, ASSUMED_ROLE }

    /**
     * A role session's own limits and facts: the session policy passed to AssumeRole (which caps the role's
     * permissions) and the session tags (which take precedence over the role's tags of the same key).
     */
    public record SessionAttributes(Optional<String> policy, Map<String, String> tags) {

        public SessionAttributes {
            Objects.requireNonNull(policy);
            tags = Map.copyOf(tags);
        }
    }

    public Principal {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(arn);
        Objects.requireNonNull(principalId);
        Objects.requireNonNull(session);
        if (!isAccountId(account)) {
            throw new IllegalArgumentException("an account id is 12 digits, got '" + account + "'");
        }
        if (session.isPresent() && kind != Kind.ASSUMED_ROLE) {
            throw new IllegalArgumentException("only a role session has session attributes");
        }
    }

    public Principal(Kind kind, String account, String arn, String principalId) {
        this(kind, account, arn, principalId, Optional.empty());
    }

    /** This role session with its session policy and tags. */
    public Principal withSession(SessionAttributes attributes) {
        return new Principal(kind, account, arn, principalId, Optional.of(attributes));
    }

    /** Twelve ASCII digits, checked without a regular expression: a principal is made for every request. */
    private static boolean isAccountId(String account) {
        if (account == null || account.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (account.charAt(i) < '0' || account.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The account's root user, as AWS names it: {@code arn:aws:iam::ACCOUNT:root}, id = the account id. */
    public static Principal root(String account) {
        return new Principal(Kind.ROOT, account, "arn:aws:iam::" + account + ":root", account);
    }

    public boolean isRoot() {
        return kind == Kind.ROOT;
    }
}
