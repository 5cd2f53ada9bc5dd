package dev.trent.server.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts' root access keys, from configuration: the credentials that exist before any IAM user does.
 * Root keys are long-term, so a request that adds a session token to one is refused, as AWS refuses a forged
 * token.
 */
public final class RootCredentials implements CredentialStore {

    /** The access key id LocalStack users already sign with, accepted for the default account by default. */
    public static final String DEFAULT_ACCESS_KEY_ID = "test";
    /** Its secret. */
    public static final String DEFAULT_SECRET = "test";

    /** One root access key of {@code account}. */
    public record Entry(String account, String accessKeyId, SecretAccessKey secret) {
        public Entry {
            Principal.root(account);
            if (accessKeyId == null || accessKeyId.isBlank()) {
                throw new IllegalArgumentException("an access key id must not be empty");
            }
        }
    }

    private final Map<String, Entry> byAccessKey = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException when one access key id is given twice
     */
    public RootCredentials(Iterable<Entry> entries) {
        for (Entry entry : entries) {
            if (byAccessKey.putIfAbsent(entry.accessKeyId(), entry) != null) {
                throw new IllegalArgumentException("access key " + entry.accessKeyId() + " is given twice");
            }
        }
    }

    @Override
    public Lookup find(String accessKeyId, Optional<String> sessionToken, Instant at) {
        Entry entry = byAccessKey.get(accessKeyId);
        if (entry == null) {
            return new Refused(Reason.UNKNOWN_ACCESS_KEY);
        }
        if (sessionToken.isPresent()) {
            return new Refused(Reason.INVALID_SESSION_TOKEN);
        }
        return new Found(entry.secret(), Principal.root(entry.account()));
    }
}
