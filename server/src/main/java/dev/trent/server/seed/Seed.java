package dev.trent.server.seed;

import dev.trent.server.key.AliasName;
import dev.trent.server.key.KeyId;
import dev.trent.server.service.PresetKey;
import java.nio.file.Path;
import java.util.List;

/**
 * What a seed file asks for, whatever its format: keys and aliases, each with where it was written. An account
 * or Region left null is the server's ({@code --account-id}, {@code --region}).
 */
public record Seed(Path file, List<Key> keys, List<Alias> aliases) {

    public Seed {
        keys = List.copyOf(keys);
        aliases = List.copyOf(aliases);
    }

    /** One key; {@code policy} is null for AWS's default key policy. */
    public record Key(SeedNode.Location at, String account, String region, PresetKey preset, String policy) {
    }

    /** One alias, in the account and Region of its key. */
    public record Alias(SeedNode.Location at, String account, String region, AliasName name, KeyId target) {
    }
}
