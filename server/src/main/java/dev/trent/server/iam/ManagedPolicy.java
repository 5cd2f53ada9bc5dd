package dev.trent.server.iam;

import java.time.Instant;
import java.util.Map;

/**
 * A customer managed policy ({@code ANPA...}). Trent keeps one version, {@code v1}, which is the default.
 */
public record ManagedPolicy(String name, String path, String id, String arn, Instant created, String document,
                            String description, Map<String, String> tags) {

    public static final String DEFAULT_VERSION = "v1";

    public ManagedPolicy {
        tags = IamAccount.ordered(tags);
    }
}
