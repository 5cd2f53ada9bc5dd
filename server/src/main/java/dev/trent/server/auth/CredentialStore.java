package dev.trent.server.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the verifier learns an access key's secret and the principal it acts as. IAM users' keys and STS
 * sessions are further stores behind this one interface.
 */
public interface CredentialStore {

    /**
     * The credentials {@code accessKeyId} (with {@code sessionToken}, when the request carries one) stand for at
     * {@code at}, or why there are none.
     */
    Lookup find(String accessKeyId, Optional<String> sessionToken, Instant at);

    /** The answer of {@link #find}. */
    sealed interface Lookup permits Found, Refused {
    }

    /** The secret to check the signature with and the principal the request then acts as. */
    record Found(SecretAccessKey secret, Principal principal) implements Lookup {
    }

    /** No usable credentials, and why. */
    record Refused(Reason reason) implements Lookup {
    }

    /** Why a lookup found nothing usable. */
    enum Reason {
        /** No such access key (or it was deleted). */
        UNKNOWN_ACCESS_KEY,
        /** The session token is not one this access key was issued with, or the key takes none. */
        INVALID_SESSION_TOKEN,
        /** The session token was valid but its time is over. */
        EXPIRED_SESSION_TOKEN
    }
}
