package dev.trent.server.keystore;

import dev.trent.server.crypto.Aead;
import dev.trent.server.crypto.AesGcm;
import dev.trent.server.crypto.Random;
import dev.trent.server.crypto.SecretBytes;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens in memory, for fast tests: each has a label, a user PIN and AES keys by label. A library path named
 * {@link #MISSING_LIBRARY} cannot be loaded; a label never added names no token.
 */
public final class FakeTokenConnector implements TokenConnector {

    public static final Path LIBRARY = Path.of("/fake/libtoken.so");
    public static final Path MISSING_LIBRARY = Path.of("/fake/missing.so");

    private static final class Token {
        final char[] pin;
        final Map<String, AesGcm> keys = new ConcurrentHashMap<>();
        volatile int sessions;

        Token(char[] pin) {
            this.pin = pin.clone();
        }
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /** Adds a token labelled {@code label} with user PIN {@code pin}. */
    public FakeTokenConnector withToken(String label, String pin) {
        tokens.put(label, new Token(pin.toCharArray()));
        return this;
    }

    /** Logged-in sessions on the token now, to see that Trent logs out. */
    public int openSessions(String label) {
        return tokens.get(label).sessions;
    }

    /** Whether the token holds a key under {@code keyLabel}, whether or not anyone is logged in. */
    public boolean holds(String label, String keyLabel) {
        return tokens.get(label).keys.containsKey(keyLabel);
    }

    @Override
    public TokenSession login(Cluster cluster, char[] pin) throws TokenException {
        if (!cluster.library().equals(LIBRARY)) {
            throw new TokenException(ConnectionErrorCode.NETWORK_ERRORS, "cannot load " + cluster.library());
        }
        Token token = tokens.get(cluster.tokenLabel());
        if (token == null) {
            throw new TokenException(ConnectionErrorCode.CLUSTER_NOT_FOUND, "no token " + cluster.tokenLabel());
        }
        if (!Arrays.equals(token.pin, pin)) {
            throw new TokenException(ConnectionErrorCode.INVALID_CREDENTIALS, "wrong PIN");
        }
        synchronized (token) {
            token.sessions++;
        }
        return new Session(token);
    }

    private static final class Session implements TokenSession {
        private final Token token;
        private volatile boolean open = true;

        Session(Token token) {
            this.token = token;
        }

        @Override
        public void generateKey(String label) throws TokenException {
            check();
            if (token.keys.putIfAbsent(label, new AesGcm(SecretBytes.copyOf(Random.bytes(32)))) != null) {
                throw new TokenException(ConnectionErrorCode.INTERNAL_ERROR, "key " + label + " exists");
            }
        }

        @Override
        public boolean hasKey(String label) throws TokenException {
            check();
            return token.keys.containsKey(label);
        }

        @Override
        public Aead aead(String label) {
            return new Aead() {
                // Like a real token, the IV comes from the token and leads the output.
                @Override
                public byte[] encrypt(byte[] nonce, byte[] plaintext, byte[] associatedData) {
                    byte[] iv = Random.bytes(AesGcm.NONCE_LENGTH);
                    byte[] sealed = key().encrypt(iv, plaintext, associatedData);
                    byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
                    System.arraycopy(sealed, 0, out, iv.length, sealed.length);
                    return out;
                }

                @Override
                public byte[] decrypt(byte[] nonce, byte[] ivAndSealed, byte[] associatedData)
                        throws GeneralSecurityException {
                    if (ivAndSealed.length < AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH) {
                        throw new GeneralSecurityException("too short");
                    }
                    return key().decrypt(Arrays.copyOf(ivAndSealed, AesGcm.NONCE_LENGTH),
                            Arrays.copyOfRange(ivAndSealed, AesGcm.NONCE_LENGTH, ivAndSealed.length),
                            associatedData);
                }

                private AesGcm key() {
                    if (!open) {
                        throw new IllegalStateException("session closed");
                    }
                    AesGcm key = token.keys.get(label);
                    if (key == null) {
                        throw new IllegalStateException("no key " + label);
                    }
                    return key;
                }
            };
        }

        @Override
        public byte[] random(int count) throws TokenException {
            check();
            return Random.bytes(count);
        }

        @Override
        public void deleteKey(String label) throws TokenException {
            check();
            token.keys.remove(label);
        }

        @Override
        public void close() {
            synchronized (token) {
                if (open) {
                    open = false;
                    token.sessions--;
                }
            }
        }

        private void check() throws TokenException {
            if (!open) {
                throw new TokenException(ConnectionErrorCode.INTERNAL_ERROR, "session closed");
            }
        }
    }
}
