package dev.trent.server.key;

import dev.trent.server.crypto.Aead;

/**
 * Binds a token key reference to the AES-GCM that runs inside the token, whichever session is live when it is
 * used. The repository needs it to rebuild {@link KeyMaterial.Token} material when it loads keys.
 */
@FunctionalInterface
public interface TokenBinding {

    /** For a server without custom key stores: any use of such a key is a bug the state rules prevent. */
    TokenBinding NONE = (scope, store, label) -> new Aead() {
        @Override
        public byte[] encrypt(byte[] nonce, byte[] plaintext, byte[] associatedData) {
            throw new IllegalStateException("custom key store " + store + " is not available");
        }

        @Override
        public byte[] decrypt(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
            throw new IllegalStateException("custom key store " + store + " is not available");
        }
    };

    Aead aead(Scope scope, String customKeyStoreId, String label);
}
