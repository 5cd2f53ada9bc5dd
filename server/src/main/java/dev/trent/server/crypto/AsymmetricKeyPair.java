package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * An elliptic-curve, Edwards-curve or ML-DSA key pair. Like {@link RsaKeyPair}, the private half leaves this
 * object only as PKCS#8 through {@link SecretAccess}; the public half is DER SubjectPublicKeyInfo.
 */
public final class AsymmetricKeyPair {

    /** The key pair types, with the JCA algorithm and (for curves over prime fields) the curve name. */
    public enum Type {
        NIST_P256("EC", "secp256r1"),
        NIST_P384("EC", "secp384r1"),
        NIST_P521("EC", "secp521r1"),
        SECP256K1("EC", "secp256k1"),
        SM2("EC", "sm2p256v1"),
        ED25519("Ed25519", null),
        ML_DSA_44("ML-DSA-44", null),
        ML_DSA_65("ML-DSA-65", null),
        ML_DSA_87("ML-DSA-87", null);

        private final String algorithm;
        private final String curve;

        Type(String algorithm, String curve) {
            this.algorithm = algorithm;
            this.curve = curve;
        }

        /** True for the Weierstrass curves, which do ECDSA and ECDH. */
        public boolean isWeierstrass() {
            return curve != null;
        }
    }

    private final Type type;
    private final SecretBytes pkcs8;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AsymmetricKeyPair(Type type, SecretBytes pkcs8, PrivateKey privateKey, PublicKey publicKey) {
        this.type = type;
        this.pkcs8 = pkcs8;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static AsymmetricKeyPair generate(Type type) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type.algorithm, Providers.BC);
            if (type.curve != null) {
                generator.initialize(new ECGenParameterSpec(type.curve), Random.secureRandom());
            }
            KeyPair pair = generator.generateKeyPair();
            byte[] encoded = pair.getPrivate().getEncoded();
            try {
                return new AsymmetricKeyPair(type, SecretBytes.copyOf(encoded), pair.getPrivate(), pair.getPublic());
            } finally {
                Arrays.fill(encoded, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(type + " key generation failed", e);
        }
    }

    /** Rebuilds a pair from its PKCS#8 encoding (as sealed at rest, or as imported). */
    public static AsymmetricKeyPair fromPkcs8(Type type, SecretBytes pkcs8) {
        byte[] encoded = pkcs8.reveal(SecretAccess.INSTANCE);
        try {
            KeyFactory factory = KeyFactory.getInstance(type.algorithm, Providers.BC);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return new AsymmetricKeyPair(type, pkcs8, privateKey, publicKeyOf(type, privateKey));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid " + type + " private key", e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** Parses a peer's DER SubjectPublicKeyInfo of this type; throws when it is not one. */
    public static PublicKey publicKeyFrom(Type type, byte[] spki) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance(type.algorithm, Providers.BC).generatePublic(new X509EncodedKeySpec(spki));
        } catch (RuntimeException e) {
            throw new GeneralSecurityException("not a " + type + " public key", e);
        }
    }

    private static PublicKey publicKeyOf(Type type, PrivateKey privateKey) throws GeneralSecurityException {
        // BouncyCastle's private keys of every family here can give their public key, by different interfaces.
        if (privateKey instanceof org.bouncycastle.jce.interfaces.ECPrivateKey ec) {
            var spec = ec.getParameters();
            var point = spec.getG().multiply(ec.getD()).normalize();
            return KeyFactory.getInstance("EC", Providers.BC).generatePublic(
                    new org.bouncycastle.jce.spec.ECPublicKeySpec(point, spec));
        }
        if (privateKey instanceof org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey ed) {
            return ed.getPublicKey();
        }
        if (privateKey instanceof org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey mldsa) {
            return mldsa.getPublicKey();
        }
        throw new GeneralSecurityException("cannot derive the public key of a " + type + " key");
    }

    public Type type() {
        return type;
    }

    /** DER SubjectPublicKeyInfo (RFC 5280). */
    public byte[] subjectPublicKeyInfo() {
        return publicKey.getEncoded();
    }

    public SecretBytes pkcs8() {
        return pkcs8;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    PublicKey publicKey() {
        return publicKey;
    }
}
