package dev.trent.server.sts;

import dev.trent.server.auth.CredentialStore;
import dev.trent.server.auth.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * STS sessions as credentials: an ASIA access key signs only together with the session token it was issued
 * with, and only until the session expires by the server's clock.
 */
public final class SessionCredentials implements CredentialStore {

    private final SessionTokens tokens;

    public SessionCredentials(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Lookup find(String accessKeyId, Optional<String> sessionToken, Instant at) {
        if (!accessKeyId.startsWith("ASIA")) {
            return new Refused(Reason.UNKNOWN_ACCESS_KEY);
        }
        if (sessionToken.isEmpty()) {
            return new Refused(Reason.INVALID_SESSION_TOKEN);
        }
        Optional<Session> session = tokens.open(sessionToken.get());
        if (session.isEmpty() || !session.get().accessKeyId().equals(accessKeyId)) {
            return new Refused(Reason.INVALID_SESSION_TOKEN);
        }
        if (!at.isBefore(session.get().expiration())) {
            return new Refused(Reason.EXPIRED_SESSION_TOKEN);
        }
        Session open = session.get();
        Principal principal = open.roleArn() == null ? open.principal()
                : open.principal().withSession(new Principal.SessionAttributes(open.policy(), open.tags()));
        return new Found(tokens.secretKeyFor(accessKeyId), principal);
    }
}
