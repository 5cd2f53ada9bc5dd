package dev.trent.server.keystore;

import dev.trent.server.crypto.Aead;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import dev.trent.server.key.TokenBinding;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live connection of each custom key store: a logged-in token session, a failure, or nothing
 * (disconnected). Held in memory only; what a store should be after a restart is its stored
 * {@link CustomKeyStore#connectRequested()}. Keys in a store reach their token through here, so a key's AES-GCM
 * always uses the session that is live at the moment of use.
 */
public final class Connections implements TokenBinding {

    private record Ref(Scope scope, String id) {
    }

    /** What DescribeCustomKeyStores reports; {@code error} only for FAILED. */
    public record Status(ConnectionState state, ConnectionErrorCode error) {
    }

    private final Map<Ref, TokenSession> sessions = new ConcurrentHashMap<>();
    private final Map<Ref, ConnectionErrorCode> failures = new ConcurrentHashMap<>();

    public Status status(Scope scope, String id) {
        Ref ref = new Ref(scope, id);
        if (sessions.containsKey(ref)) {
            return new Status(ConnectionState.CONNECTED, null);
        }
        ConnectionErrorCode failure = failures.get(ref);
        return failure != null ? new Status(ConnectionState.FAILED, failure)
                : new Status(ConnectionState.DISCONNECTED, null);
    }

    public boolean connected(Scope scope, String id) {
        return sessions.containsKey(new Ref(scope, id));
    }

    public Optional<TokenSession> session(Scope scope, String id) {
        return Optional.ofNullable(sessions.get(new Ref(scope, id)));
    }

    void connected(Scope scope, String id, TokenSession session) {
        failures.remove(new Ref(scope, id));
        TokenSession before = sessions.put(new Ref(scope, id), session);
        if (before != null) {
            before.close();
        }
    }

    void failed(Scope scope, String id, ConnectionErrorCode code) {
        disconnected(scope, id);
        failures.put(new Ref(scope, id), code);
    }

    /** Logs out, if logged in, and forgets any failure. */
    void disconnected(Scope scope, String id) {
        Ref ref = new Ref(scope, id);
        failures.remove(ref);
        TokenSession session = sessions.remove(ref);
        if (session != null) {
            session.close();
        }
    }

    /** Logs every session out (shutdown). */
    public void closeAll() {
        for (Ref ref : sessions.keySet()) {
            disconnected(ref.scope(), ref.id());
        }
    }

    /** Logs every session out and forgets every failure: no store is connected or failed afterwards. */
    void disconnectAll() {
        closeAll();
        failures.clear();
    }

    @Override
    public Aead aead(Scope scope, String customKeyStoreId, String label) {
        Ref ref = new Ref(scope, customKeyStoreId);
        return new Aead() {
            @Override
            public byte[] encrypt(byte[] nonce, byte[] plaintext, byte[] associatedData) {
                return live().encrypt(nonce, plaintext, associatedData);
            }

            @Override
            public byte[] decrypt(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData)
                    throws GeneralSecurityException {
                return live().decrypt(nonce, ciphertextAndTag, associatedData);
            }

            private Aead live() {
                TokenSession session = sessions.get(ref);
                if (session == null) {
                    // The key-state check refuses keys of a disconnected store first; this is a disconnect racing
                    // it, and the caller gets the answer the check would have given a moment later.
                    throw new KMSInvalidStateException(scope.keyArn(new KeyId(label)) + " is unavailable.");
                }
                return session.aead(label);
            }
        };
    }
}
