package dev.trent.server.key;

import dev.trent.server.crypto.AesGcm;
import dev.trent.server.crypto.AsymmetricKeyPair;
import dev.trent.server.crypto.Random;
import dev.trent.server.crypto.RsaKeyPair;
import dev.trent.server.crypto.SecretBytes;
import java.util.Arrays;

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

    /** An HMAC key of the spec's length. */
    record Hmac(MaterialVersion version, SecretBytes key) implements KeyMaterial {
        @Override
        public SecretBytes sealable() {
            return key;
        }

        @Override
        public String toString() {
            return "Hmac[" + version + "]";
        }
    }

    /** An elliptic-curve, Edwards-curve or ML-DSA key pair. */
    record Pair(MaterialVersion version, AsymmetricKeyPair pair) implements KeyMaterial {
        @Override
        public SecretBytes sealable() {
            return pair.pkcs8();
        }

        @Override
        public String toString() {
            return "Pair[" + version + "]";
        }
    }

    /** DER SubjectPublicKeyInfo of an asymmetric key's material. */
    default byte[] subjectPublicKeyInfo() {
        if (this instanceof Rsa rsa) {
            return rsa.pair().subjectPublicKeyInfo();
        }
        if (this instanceof Pair p) {
            return p.pair().subjectPublicKeyInfo();
        }
        throw new IllegalStateException(this + " has no public key");
    }

    /** Fresh random material for a key of {@code spec}. */
    static KeyMaterial generate(KeySpec spec, MaterialVersion version) {
        switch (spec.family()) {
            case RSA:
                return new Rsa(version, RsaKeyPair.generate(spec.bits()));
            case PAIR:
                return new Pair(version, AsymmetricKeyPair.generate(spec.pairType()));
            case SYMMETRIC:
            case HMAC:
                byte[] raw = Random.bytes(spec.bits() / 8);
                try {
                    return restore(spec, version, SecretBytes.copyOf(raw));
                } finally {
                    Arrays.fill(raw, (byte) 0);
                }
            default:
                throw new IllegalArgumentException("Trent cannot make material for " + spec);
        }
    }

    /** Rebuilds material of the given spec from its sealed encoding. */
    static KeyMaterial restore(KeySpec spec, MaterialVersion version, SecretBytes encoded) {
        switch (spec.family()) {
            case SYMMETRIC:
                return new Symmetric(version, encoded);
            case HMAC:
                return new Hmac(version, encoded);
            case RSA:
                return new Rsa(version, RsaKeyPair.fromPkcs8(encoded));
            case PAIR:
                return new Pair(version, AsymmetricKeyPair.fromPkcs8(spec.pairType(), encoded));
            default:
                throw new IllegalArgumentException("no material format for " + spec);
        }
    }
}
