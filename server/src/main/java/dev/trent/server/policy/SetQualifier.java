package dev.trent.server.policy;

/** The set operators that prefix a condition operator for multivalued keys, or none. */
public enum SetQualifier {
    /** No prefix: the key is read as single-valued (any of its values may satisfy a positive operator). */
    NONE,
    /** {@code ForAnyValue:}: at least one request value satisfies the operator; false when the key is absent. */
    FOR_ANY_VALUE,
    /** {@code ForAllValues:}: every request value satisfies the operator; true when the key is absent or empty. */
    FOR_ALL_VALUES
}
