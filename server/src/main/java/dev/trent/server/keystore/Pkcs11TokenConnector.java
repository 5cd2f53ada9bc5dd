package dev.trent.server.keystore;

import dev.trent.pkcs11.Pkcs11Exception;
import dev.trent.pkcs11.Pkcs11Token;
import dev.trent.pkcs11.TokenKey;
import dev.trent.server.crypto.Aead;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real PKCS#11 tokens, through the PKCS#11 bridge. */
public final class Pkcs11TokenConnector implements TokenConnector {

    @Override
    public TokenSession login(Cluster cluster, char[] pin) throws TokenException {
        try {
            return new Session(Pkcs11Token.open(cluster.library(), cluster.tokenLabel(), pin));
        } catch (Pkcs11Exception e) {
            throw new TokenException(code(e), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new TokenException(ConnectionErrorCode.CLUSTER_NOT_FOUND, e.getMessage(), e);
        }
    }

    /**
     * The AWS connection error closest to each bridge failure. A token already logged in by this process is
     * AWS's "kmsuser is logged in" (USER_LOGGED_IN); a PIN the token will not take any more is USER_LOCKED_OUT.
     */
    static ConnectionErrorCode code(Pkcs11Exception e) {
        switch (e.reason()) {
            case LIBRARY_NOT_FOUND:
            case NOT_A_PKCS11_LIBRARY:
                return ConnectionErrorCode.NETWORK_ERRORS;
            case TOKEN_NOT_FOUND:
                return ConnectionErrorCode.CLUSTER_NOT_FOUND;
            case TOKEN_ALREADY_OPEN:
                return ConnectionErrorCode.USER_LOGGED_IN;
            case WRONG_PIN:
                return ConnectionErrorCode.INVALID_CREDENTIALS;
            case LOGIN_FAILED:
                return ConnectionErrorCode.USER_LOCKED_OUT;
            default:
                return ConnectionErrorCode.INTERNAL_ERROR;
        }
    }

    private static final class Session implements TokenSession {

        private final Pkcs11Token token;
        /** Keys found once and reused: looking a key up costs several token calls. */
        private final Map<String, TokenKey> keys = new ConcurrentHashMap<>();

        Session(Pkcs11Token token) {
            this.token = token;
        }

        @Override
        public void generateKey(String label) throws TokenException {
            try {
                keys.put(label, token.createKey(label));
            } catch (Pkcs11Exception e) {
                throw new TokenException(code(e), e.getMessage(), e);
            }
        }

        @Override
        public boolean hasKey(String label) throws TokenException {
            try {
                return token.hasKey(label);
            } catch (Pkcs11Exception e) {
                throw new TokenException(code(e), e.getMessage(), e);
            }
        }

        @Override
        public Aead aead(String label) {
            return new Aead() {
                @Override
                public byte[] encrypt(byte[] nonce, byte[] plaintext, byte[] associatedData) {
                    return key().encrypt(plaintext, associatedData);
                }

                @Override
                public byte[] decrypt(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData)
                        throws GeneralSecurityException {
                    return key().decrypt(ciphertextAndTag, associatedData);
                }

                private TokenKey key() {
                    return keys.computeIfAbsent(label, l -> token.findKey(l).orElseThrow(() ->
                            new IllegalStateException("token " + token.label() + " has no key " + l)));
                }
            };
        }

        @Override
        public byte[] random(int count) throws TokenException {
            try {
                return token.randomBytes(count);
            } catch (Pkcs11Exception e) {
                throw new TokenException(code(e), e.getMessage(), e);
            }
        }

        @Override
        public void deleteKey(String label) throws TokenException {
            keys.remove(label);
            try {
                token.deleteKey(label);
            } catch (Pkcs11Exception e) {
                throw new TokenException(code(e), e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            token.close();
        }
    }
}
