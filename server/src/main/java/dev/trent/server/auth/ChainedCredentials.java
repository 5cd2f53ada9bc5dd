package dev.trent.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Several credential stores as one: the first that knows the access key answers (root keys, IAM users' keys,
 * STS sessions never share an access key id).
 */
public final class ChainedCredentials implements CredentialStore {

    private final List<CredentialStore> stores;

    public ChainedCredentials(List<CredentialStore> stores) {
        this.stores = List.copyOf(stores);
    }

    @Override
    public Lookup find(String accessKeyId, Optional<String> sessionToken, Instant at) {
        for (CredentialStore store : stores) {
            Lookup lookup = store.find(accessKeyId, sessionToken, at);
            if (!(lookup instanceof Refused refused) || refused.reason() != Reason.UNKNOWN_ACCESS_KEY) {
                return lookup;
            }
        }
        return new Refused(Reason.UNKNOWN_ACCESS_KEY);
    }
}
