package dev.trent.server.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * An RSA key pair whose private half never leaves this object except as PKCS#8 through {@link SecretAccess}
 * (for sealing at rest). The public half is DER SubjectPublicKeyInfo, what GetPublicKey returns.
 */
public final class RsaKeyPair {

    private final SecretBytes pkcs8;
    private final RSAKeyParameters privateKey;
    private final RSAKeyParameters publicKey;
    private final byte[] subjectPublicKeyInfo;
    private final int bits;

    private RsaKeyPair(SecretBytes pkcs8, RSAKeyParameters privateKey, RSAKeyParameters publicKey, byte[] spki) {
        this.pkcs8 = pkcs8;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.subjectPublicKeyInfo = spki;
        this.bits = publicKey.getModulus().bitLength();
    }

    /** A fresh key pair with public exponent 65537. */
    public static RsaKeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), Random.secureRandom());
            KeyPair pair = generator.generateKeyPair();
            byte[] encoded = pair.getPrivate().getEncoded();
            try {
                return fromPkcs8(SecretBytes.copyOf(encoded));
            } finally {
                Arrays.fill(encoded, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    /** Rebuilds a pair from its PKCS#8 encoding (as sealed at rest). */
    public static RsaKeyPair fromPkcs8(SecretBytes pkcs8) {
        byte[] encoded = pkcs8.reveal(SecretAccess.INSTANCE);
        try {
            AsymmetricKeyParameter priv = PrivateKeyFactory.createKey(encoded);
            if (!(priv instanceof RSAKeyParameters rsa) || !rsa.isPrivate()) {
                throw new IllegalArgumentException("not an RSA private key");
            }
            RSAPrivateCrtKey jca = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(encoded));
            byte[] spki = KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.RSAPublicKeySpec(jca.getModulus(), jca.getPublicExponent()))
                    .getEncoded();
            RSAKeyParameters pub = (RSAKeyParameters) PublicKeyFactory.createKey(spki);
            return new RsaKeyPair(pkcs8, rsa, pub, spki);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a valid RSA private key", e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** Parses a DER SubjectPublicKeyInfo of an RSA key. */
    public static RSAKeyParameters publicKeyFrom(byte[] spki) throws GeneralSecurityException {
        KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        try {
            return (RSAKeyParameters) PublicKeyFactory.createKey(spki);
        } catch (IOException e) {
            throw new GeneralSecurityException("not an RSA public key", e);
        }
    }

    public int bits() {
        return bits;
    }

    /** DER SubjectPublicKeyInfo (RFC 5280). */
    public byte[] subjectPublicKeyInfo() {
        return subjectPublicKeyInfo.clone();
    }

    public SecretBytes pkcs8() {
        return pkcs8;
    }

    RSAKeyParameters privateKey() {
        return privateKey;
    }

    RSAKeyParameters publicKey() {
        return publicKey;
    }
}
