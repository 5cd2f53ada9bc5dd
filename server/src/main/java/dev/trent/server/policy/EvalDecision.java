package dev.trent.server.policy;

/** The three outcomes, spelled as SimulatePrincipalPolicy's EvalDecision reports them. */
public enum EvalDecision {
    ALLOWED("allowed"), EXPLICIT_DENY("explicitDeny"), IMPLICIT_DENY("implicitDeny");

    private final String wireName;

    EvalDecision(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
