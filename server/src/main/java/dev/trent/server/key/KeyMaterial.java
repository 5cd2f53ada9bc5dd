package dev.trent.server.key;

import dev.trent.server.crypto.Aead;
import dev.trent.server.crypto.AesGcm;
import dev.trent.server.crypto.AsymmetricKeyPair;
import dev.trent.server.crypto.Pkcs8KeyType;
import dev.trent.server.crypto.Random;
import dev.trent.server.crypto.RsaKeyPair;
import dev.trent.server.crypto.SecretAccess;
import dev.trent.server.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
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

    /**
     * A symmetric key generated inside a custom key store's token, where it stays: Trent holds only the reference
     * (store id and label), and {@code aead} runs AES-GCM in the token. The reference is what is sealed at rest.
     */
    record Token(MaterialVersion version, String customKeyStoreId, String label, Aead aead) implements KeyMaterial {
        @Override
        public SecretBytes sealable() {
            return SecretBytes.copyOf((customKeyStoreId + "/" + label).getBytes(StandardCharsets.UTF_8));
        }

        /** Rebuilds the reference sealed by {@link #sealable()}, with its AES-GCM bound by {@code binding}. */
        public static Token restore(Scope scope, MaterialVersion version, SecretBytes encoded, TokenBinding binding) {
            String reference = new String(encoded.reveal(SecretAccess.INSTANCE), StandardCharsets.UTF_8);
            int slash = reference.indexOf('/');
            if (slash < 1) {
                throw new IllegalStateException("a token key reference is <store id>/<label>");
            }
            String store = reference.substring(0, slash);
            String label = reference.substring(slash + 1);
            return new Token(version, store, label, binding.aead(scope, store, label));
        }

        @Override
        public String toString() {
            return "Token[" + version + ", " + customKeyStoreId + "]";
        }
    }

    /**
     * Wipes the secret bytes this material holds in memory, once no key uses it any more: the raw key of symmetric
     * and HMAC keys, the PKCS#8 encoding of key pairs. A later use fails rather than run on zeros. The parsed
     * private key objects of key pairs are immutable numbers that cannot be overwritten; they become unreachable
     * with the material. A key in a custom key store holds only a reference here, so there is nothing to wipe.
     */
    default void destroy() {
        if (this instanceof Symmetric s) {
            s.key().destroy();
        } else if (this instanceof Hmac h) {
            h.key().destroy();
        } else if (this instanceof Rsa r) {
            r.pair().pkcs8().destroy();
        } else if (this instanceof Pair p) {
            p.pair().pkcs8().destroy();
        }
    }

    /** The same material under another version (imported material gets its id only once it is parsed). */
    default KeyMaterial withVersion(MaterialVersion newVersion) {
        if (this instanceof Symmetric s) {
            return new Symmetric(newVersion, s.key(), s.aead());
        }
        if (this instanceof Hmac h) {
            return new Hmac(newVersion, h.key());
        }
        if (this instanceof Rsa r) {
            return new Rsa(newVersion, r.pair());
        }
        if (this instanceof Token t) {
            return new Token(newVersion, t.customKeyStoreId(), t.label(), t.aead());
        }
        return new Pair(newVersion, ((Pair) this).pair());
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

    /**
     * Material a caller imported, checked against the key's spec before it is used: 32 bytes for
     * SYMMETRIC_DEFAULT; for HMAC keys from the hash's output length up to its block size (HMAC_224 and
     * HMAC_256: 28 or 32 to 64 bytes; HMAC_384 and HMAC_512: 48 or 64 to 128 bytes), since a longer key
     * would only be hashed down (RFC 2104) and a shorter one is below the spec's strength; for key pairs a
     * PKCS#8 private key of exactly the spec (RSA modulus size, named curve, Ed25519, ML-DSA parameter set).
     *
     * @throws IllegalArgumentException saying what is wrong, without any of the material
     */
    static KeyMaterial imported(KeySpec spec, MaterialVersion version, SecretBytes encoded) {
        switch (spec.family()) {
            case SYMMETRIC:
                if (encoded.length() != spec.bits() / 8) {
                    throw new IllegalArgumentException("symmetric key material must be 32 bytes");
                }
                return restore(spec, version, encoded);
            case HMAC:
                int min = spec.bits() / 8;
                int max = spec.bits() <= 256 ? 64 : 128;
                if (encoded.length() < min || encoded.length() > max) {
                    throw new IllegalArgumentException(spec + " key material must be " + min + " to " + max + " bytes");
                }
                return restore(spec, version, encoded);
            case RSA:
                RsaKeyPair pair = RsaKeyPair.fromPkcs8(encoded);
                if (pair.bits() != spec.bits()) {
                    throw new IllegalArgumentException(spec + " key material must be a " + spec.bits() + "-bit RSA key");
                }
                return new Rsa(version, pair);
            case PAIR:
                if (!Pkcs8KeyType.matches(spec.pairType(), encoded)) {
                    throw new IllegalArgumentException("key material is not a PKCS#8 private key for " + spec);
                }
                return restore(spec, version, encoded);
            default:
                throw new IllegalArgumentException("no material can be imported for " + spec);
        }
    }

    /**
     * What identifies this material without being secret to its holder's peers: the key itself for symmetric
     * and HMAC keys, the public key for key pairs (one PKCS#8 key has several encodings; its public key has one).
     */
    default SecretBytes identity() {
        if (this instanceof Symmetric s) {
            return s.key();
        }
        if (this instanceof Hmac h) {
            return h.key();
        }
        if (this instanceof Token t) {
            return t.sealable();
        }
        return SecretBytes.copyOf(subjectPublicKeyInfo());
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
