package dev.trent.server.key;

import dev.trent.server.crypto.AesGcm;
import dev.trent.server.crypto.RsaKeyPair;
import dev.trent.server.crypto.SecretBytes;

/**
 * The cryptographic material of one version of a key, ready to use. No method returns the material as
 * bytes except {@link #sealable()}, which needs {@code SecretAccess} to read and exists so the repository can
 * hand it to the barrier.
 */
public sealed interface KeyMaterial {

    MaterialVersion version();

    /** The encoded material for sealing at rest: raw AES key, or PKCS#8 for key pairs. */
    SecretBytes sealable();

    /** A 256-bit AES key for SYMMETRIC_DEFAULT. */
    record Symmetric(MaterialVersion version, SecretBytes key, AesGcm aead) implements KeyMaterial {
        public Symmetric(MaterialVersion version, SecretBytes key) {
            this(version, key, new AesGcm(key));
        }

        @Override
        public SecretBytes sealable() {
            return key;
        }

        @Override
        public String toString() {
            return "Symmetric[" + version + "]";
        }
    }

    /** An RSA key pair. */
    record Rsa(MaterialVersion version, RsaKeyPair pair) implements KeyMaterial {
        @Override
        public SecretBytes sealable() {
            return pair.pkcs8();
        }

        @Override
        public String toString() {
            return "Rsa[" + version + "]";
        }
    }

    /** Rebuilds material of the given spec from its sealed encoding. */
    static KeyMaterial restore(KeySpec spec, MaterialVersion version, SecretBytes encoded) {
        if (spec == KeySpec.SYMMETRIC_DEFAULT) {
            return new Symmetric(version, encoded);
        }
        if (spec.isRsa()) {
            return new Rsa(version, RsaKeyPair.fromPkcs8(encoded));
        }
        throw new IllegalArgumentException("no material format for " + spec);
    }
}
