package dev.trent.server.iam;

import dev.trent.server.query.QueryException;
import java.util.List;
import java.util.Map;

/**
 * The two kinds of identity that hold policies, users and roles, seen the same way by the inline-policy and
 * attachment actions: the member naming the holder, IAM's wording for it, and how to read and change its
 * policies.
 */
public enum Holder {
    USER("UserName", "user", 128),
    ROLE("RoleName", "role", 64);

    private final String member;
    private final String word;
    private final int maxNameLength;

    Holder(String member, String word, int maxNameLength) {
        this.member = member;
        this.word = word;
        this.maxNameLength = maxNameLength;
    }

    /** {@code UserName} or {@code RoleName}. */
    public String member() {
        return member;
    }

    public int maxNameLength() {
        return maxNameLength;
    }

    /** The element the Get*Policy answer names the holder with. */
    public String resultMember() {
        return member;
    }

    public Map<String, String> inlinePolicies(IamAccount account, String name) {
        return this == USER ? IamEntities.user(account, name).inlinePolicies()
                : IamEntities.role(account, name).inlinePolicies();
    }

    public List<String> attached(IamAccount account, String name) {
        return this == USER ? IamEntities.user(account, name).attached() : IamEntities.role(account, name).attached();
    }

    /** The holder's name as stored (its case). */
    public String storedName(IamAccount account, String name) {
        return this == USER ? IamEntities.user(account, name).name() : IamEntities.role(account, name).name();
    }

    public IamAccount withInlinePolicies(IamAccount account, String name, Map<String, String> policies) {
        return this == USER ? account.withUser(IamEntities.user(account, name).withInlinePolicies(policies))
                : account.withRole(IamEntities.role(account, name).withInlinePolicies(policies));
    }

    public IamAccount withAttached(IamAccount account, String name, List<String> policyArns) {
        return this == USER ? account.withUser(IamEntities.user(account, name).withAttached(policyArns))
                : account.withRole(IamEntities.role(account, name).withAttached(policyArns));
    }

    /** NoSuchEntity for an inline policy the holder lacks, in IAM's words. */
    public QueryException noSuchPolicy(String policyName) {
        return QueryException.noSuchEntity("The " + word + " policy with name " + policyName + " cannot be found.");
    }
}
