package dev.trent.server.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What policies may ask about a key ("Condition keys for AWS KMS"): its spec, usage and origin, whether it is
 * multi-Region and which kind ({@code PRIMARY} or {@code REPLICA}, null otherwise), its tags and its alias names
 * ({@code alias/...}).
 */
public record KeyFacts(String arn, String keySpec, String keyUsage, String origin, boolean multiRegion,
        String multiRegionKeyType, Map<String, String> tags, List<String> aliases) {

    public KeyFacts {
        Objects.requireNonNull(arn);
        tags = Map.copyOf(tags);
        aliases = List.copyOf(aliases);
    }
}
