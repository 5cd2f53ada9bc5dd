package dev.trent.server.service;

import dev.trent.server.error.TagException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** AWS's tag rules: reserved prefix, no duplicates in one request, at most 50 per key. */
public final class Tags {

    public static final int MAX_PER_KEY = 50;

    /** One tag as the caller sent it. */
    public record Tag(String key, String value) {
    }

    private Tags() {
    }

    /** Checks a request's tags and returns them as a map in request order. */
    public static Map<String, String> validate(List<Tag> tags) {
        Set<String> seen = new HashSet<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag tag : tags) {
            if (tag.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw new TagException("Tags beginning with aws: are reserved");
            }
            if (!seen.add(tag.key())) {
                throw new TagException("Duplicate tag keys");
            }
            out.put(tag.key(), tag.value());
        }
        return out;
    }

    /** {@code existing} with {@code added} applied (same key replaces the value), within the quota. */
    public static Map<String, String> merge(Map<String, String> existing, Map<String, String> added) {
        Map<String, String> merged = new LinkedHashMap<>(existing);
        merged.putAll(added);
        if (merged.size() > MAX_PER_KEY) {
            throw new TagException("Too many tags");
        }
        return merged;
    }
}
