package dev.trent.server.policy;

/**
 * The kinds of policy KMS weighs, named as AWS's AccessDeniedException messages name them ("because no
 * identity-based policy allows ...", "with an explicit deny in a resource-based policy").
 */
public enum PolicyType {
    /** A key policy. */
    RESOURCE_BASED("a resource-based policy", "resource-based policy"),
    /** A user's or role's inline and managed policies. */
    IDENTITY_BASED("an identity-based policy", "identity-based policy"),
    /** The policies passed to AssumeRole, which cap what the session may do. */
    SESSION("a session policy", "session policy");

    private final String withArticle;
    private final String bare;

    PolicyType(String withArticle, String bare) {
        this.withArticle = withArticle;
        this.bare = bare;
    }

    /** "an identity-based policy", as in "with an explicit deny in an identity-based policy". */
    public String withArticle() {
        return withArticle;
    }

    /** "identity-based policy", as in "because no identity-based policy allows". */
    public String bare() {
        return bare;
    }
}
