package dev.trent.server.policy;

import java.util.List;
import java.util.Set;

/**
 * A parsed policy. Two documents are equal when their source text is, so a stored policy that changes is a
 * different document, and decisions cached for the old text no longer apply. {@code contextKeys} lists every
 * condition key the document reads (in conditions and in policy variables), normalised: the only request
 * values a decision over this document can depend on.
 */
public final class PolicyDocument {

    public static final String CURRENT_VERSION = "2012-10-17";

    private final String source;
    private final String id;
    private final String version;
    private final List<Statement> statements;
    private final Set<String> contextKeys;

    PolicyDocument(String source, String id, String version, List<Statement> statements, Set<String> contextKeys) {
        this.source = source;
        this.id = id;
        this.version = version;
        this.statements = List.copyOf(statements);
        this.contextKeys = Set.copyOf(contextKeys);
    }

    /** Reads a policy; see {@link PolicyParser}. */
    public static PolicyDocument parse(String json) {
        return PolicyParser.parse(json);
    }

    public String source() {
        return source;
    }

    /** The Id element, or null. */
    public String id() {
        return id;
    }

    /** The Version element; null when absent (then 2008-10-17 rules apply). */
    public String version() {
        return version;
    }

    public List<Statement> statements() {
        return statements;
    }

    public Set<String> contextKeys() {
        return contextKeys;
    }

    /** Policy variables are substituted only under Version 2012-10-17, as AWS documents. */
    public boolean variablesEnabled() {
        return CURRENT_VERSION.equals(version);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PolicyDocument other && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
