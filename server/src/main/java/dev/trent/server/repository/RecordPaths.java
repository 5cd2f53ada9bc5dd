package dev.trent.server.repository;

import dev.trent.server.key.AliasName;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import java.util.List;

/**
 * Where each record lives. The path is also the record's AAD in the barrier, so a record copied to another
 * path (another key's material, say) fails to open.
 */
final class RecordPaths {

    static final String KEYS = "keys/";
    static final String MATERIAL = "material/";
    static final String ALIASES = "aliases/";
    static final String USAGE = "usage/";
    static final String POLICIES = "policies/";
    static final String GRANTS = "grants/";
    static final String LIFECYCLE = "lifecycle/";

    /** Every prefix under which {@link KeyRepository} keeps records. */
    static final List<String> REPOSITORY_PREFIXES = List.of(KEYS, MATERIAL, ALIASES, USAGE, POLICIES, GRANTS,
            LIFECYCLE);

    private RecordPaths() {
    }

    static String key(Scope scope, KeyId id) {
        return KEYS + scope.account() + "/" + scope.region() + "/" + id.value();
    }

    static String materialPrefix(Scope scope, KeyId id) {
        return MATERIAL + scope.account() + "/" + scope.region() + "/" + id.value() + "/";
    }

    static String material(Scope scope, KeyId id, int version) {
        return materialPrefix(scope, id) + version;
    }

    static String usage(Scope scope, KeyId id) {
        return USAGE + scope.account() + "/" + scope.region() + "/" + id.value();
    }

    static String policy(Scope scope, KeyId id) {
        return POLICIES + scope.account() + "/" + scope.region() + "/" + id.value();
    }

    static String grantPrefix(Scope scope, KeyId id) {
        return GRANTS + scope.account() + "/" + scope.region() + "/" + id.value() + "/";
    }

    static String grant(Scope scope, KeyId id, String grantId) {
        return grantPrefix(scope, id) + grantId;
    }

    static String lifecycle(Scope scope, KeyId id) {
        return LIFECYCLE + scope.account() + "/" + scope.region() + "/" + id.value();
    }

    static String alias(Scope scope, AliasName name) {
        return ALIASES + scope.account() + "/" + scope.region() + "/" + name.value();
    }
}
