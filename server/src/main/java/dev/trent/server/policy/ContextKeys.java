package dev.trent.server.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The request context's condition keys and their values. Key names compare ignoring case, as AWS documents
 * ("Condition key names are not case-sensitive"); values keep their case and each operator decides how to
 * compare them. A single-valued key holds one value, a multivalued key ({@code kms:EncryptionContextKeys},
 * {@code aws:TagKeys}) any number; a key with no values counts as absent.
 */
public final class ContextKeys {

    public static final ContextKeys EMPTY = new Builder().build();

    private final Map<String, List<String>> values;

    private ContextKeys(Map<String, List<String>> values) {
        this.values = Map.copyOf(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The key's values, or null when the request does not carry it. */
    public List<String> values(String key) {
        return values.get(normalize(key));
    }

    /** The key's only value, or null when absent; for the single-valued keys policy variables stand for. */
    public String single(String key) {
        List<String> v = values(key);
        return v == null || v.size() != 1 ? null : v.get(0);
    }

    public boolean has(String key) {
        return values.containsKey(normalize(key));
    }

    /** The values of just these keys (names normalised), in a stable order: what a cached decision depends on. */
    public Map<String, List<String>> restrictedTo(Set<String> keys) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String key : keys) {
            List<String> v = values.get(key);
            if (v != null) {
                out.put(key, v);
            }
        }
        return out;
    }

    /** A copy to add to. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects keys; putting a key again replaces its values. */
    public static final class Builder {
        private final Map<String, List<String>> values = new HashMap<>();

        private Builder() {
        }

        public Builder put(String key, String value) {
            if (value != null) {
                values.put(normalize(key), List.of(value));
            }
            return this;
        }

        /** A multivalued key; an empty collection leaves the key absent, as AWS treats an empty set. */
        public Builder putAll(String key, Collection<String> keyValues) {
            if (keyValues != null && !keyValues.isEmpty()) {
                values.put(normalize(key), List.copyOf(keyValues));
            }
            return this;
        }

        public ContextKeys build() {
            return new ContextKeys(values);
        }
    }
}
