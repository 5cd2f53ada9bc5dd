package dev.trent.server.iam;

import dev.trent.server.auth.CredentialStore;
import dev.trent.server.auth.Principal;
import dev.trent.server.auth.SecretAccessKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** IAM users' access keys as credentials: an active key signs as its user; a long-term key takes no token. */
public final class IamCredentials implements CredentialStore {

    private final IamStore store;

    public IamCredentials(IamStore store) {
        this.store = store;
    }

    @Override
    public Lookup find(String accessKeyId, Optional<String> sessionToken, Instant at) {
        Optional<Map.Entry<IamAccount, AccessKey>> found = store.accessKey(accessKeyId);
        if (found.isEmpty() || !found.get().getValue().active()) {
            return new Refused(Reason.UNKNOWN_ACCESS_KEY);
        }
        if (sessionToken.isPresent()) {
            return new Refused(Reason.INVALID_SESSION_TOKEN);
        }
        IamAccount account = found.get().getKey();
        AccessKey key = found.get().getValue();
        Optional<IamUser> user = account.user(key.userName());
        if (user.isEmpty()) {
            return new Refused(Reason.UNKNOWN_ACCESS_KEY);
        }
        return new Found(SecretAccessKey.of(key.secret()),
                new Principal(Principal.Kind.USER, account.account(), user.get().arn(), user.get().id()));
    }
}
