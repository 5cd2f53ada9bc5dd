package dev.trent.server.iam.op;

import dev.trent.server.query.QueryException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tags added to a user or role: a key given again replaces its value, and the entity's quota is IAM's 50. */
final class Tags {

    static final int MAX_TAGS = 50;

    private Tags() {
    }

    /** {@code existing} with {@code added} over it; {@code quota} names the limit as IAM's refusal does. */
    static Map<String, String> merged(Map<String, String> existing, Map<String, String> added, String quota) {
        Map<String, String> tags = new LinkedHashMap<>(existing);
        tags.putAll(added);
        if (tags.size() > MAX_TAGS) {
            throw QueryException.limitExceeded("Cannot exceed quota for " + quota + ": " + MAX_TAGS);
        }
        return tags;
    }
}
