package dev.trent.server.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed documents by their text, so that a policy read on every request is parsed once and the same
 * {@link PolicyDocument} instance is shared (making cache-key comparisons an identity check). Bounded like
 * {@link DecisionCache}: emptied when full. A document that does not parse is not remembered.
 */
public final class PolicyDocuments {

    private final int maxEntries;
    private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();

    public PolicyDocuments(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The parsed document; throws PolicyParseException for text that is not a policy. */
    public PolicyDocument get(String source) {
        PolicyDocument document = parsed.get(source);
        if (document != null) {
            return document;
        }
        document = PolicyDocument.parse(source);
        if (parsed.size() >= maxEntries) {
            parsed.clear();
        }
        PolicyDocument raced = parsed.putIfAbsent(source, document);
        return raced != null ? raced : document;
    }
}
