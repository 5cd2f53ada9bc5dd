package dev.trent.server.policy;

import java.util.Map;

/**
 * The {@code aws:} keys every request carries ("AWS global condition context keys") and {@code kms:CallerAccount},
 * filled from the caller's facts. {@code aws:PrincipalArn} of a session is its role's ARN; {@code aws:username}
 * exists for IAM users only; {@code aws:PrincipalTag/<key>} one per tag of the caller.
 */
final class GlobalConditionKeys {

    private GlobalConditionKeys() {
    }

    static void add(ContextKeys.Builder keys, CallerFacts caller) {
        PolicyPrincipal p = caller.principal();
        keys.put("aws:PrincipalArn", p.principalArn());
        keys.put("aws:PrincipalAccount", p.account());
        keys.put("aws:PrincipalType", switch (p.kind()) {
            case ROOT -> "Account";
            case USER -> "User";
            case ASSUMED_ROLE -> "AssumedRole";
        });
        keys.put("aws:userid", p.id());
        keys.put("aws:username", p.name());
        for (Map.Entry<String, String> tag : p.tags().entrySet()) {
            keys.put("aws:PrincipalTag/" + tag.getKey(), tag.getValue());
        }
        keys.put("aws:SourceIp", caller.sourceIp());
        keys.put("aws:CurrentTime", caller.now().toString());
        keys.put("aws:EpochTime", Long.toString(caller.now().getEpochSecond()));
        keys.put("aws:SecureTransport", Boolean.toString(caller.secureTransport()));
        keys.put("aws:RequestedRegion", caller.region());
        keys.put("kms:CallerAccount", p.account());
        keys.put("kms:ViaService", caller.viaService());
    }

    /** The key's own facts, for permissions on a key. */
    static void addKey(ContextKeys.Builder keys, KeyFacts key) {
        keys.put("kms:KeySpec", key.keySpec());
        keys.put("kms:CustomerMasterKeySpec", key.keySpec());
        keys.put("kms:KeyUsage", key.keyUsage());
        keys.put("kms:CustomerMasterKeyUsage", key.keyUsage());
        keys.put("kms:KeyOrigin", key.origin());
        keys.put("kms:MultiRegion", Boolean.toString(key.multiRegion()));
        keys.put("kms:MultiRegionKeyType", key.multiRegionKeyType());
        keys.putAll("kms:ResourceAliases", key.aliases());
        for (Map.Entry<String, String> tag : key.tags().entrySet()) {
            keys.put("aws:ResourceTag/" + tag.getKey(), tag.getValue());
        }
    }
}
