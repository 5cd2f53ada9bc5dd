package dev.trent.storage;

/**
 * What {@link Storage#rekey} did: the kind of root the store was sealed with, the kind it is sealed with now,
 * and how many keyring terms were re-wrapped.
 */
public record RekeyResult(String fromKind, String toKind, int keyringTerms) {}
