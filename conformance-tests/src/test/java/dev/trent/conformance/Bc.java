package dev.trent.conformance;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519phSigner;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Independent checks for the elliptic-curve and post-quantum key specs: strict DER parsing of what Trent returns
 * (SubjectPublicKeyInfo per RFC 5280 / RFC 5480 / RFC 8410 and the ML-DSA X.509 profile; ECDSA signatures per
 * RFC 3279 section 2.2.3) and verification with BouncyCastle where the JDK 17 providers have no implementation
 * (secp256k1, Ed25519ph, ML-DSA). The BouncyCastle provider is passed by instance and never registered, so other
 * test classes keep seeing the JDK's providers only.
 */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    /** id-ecPublicKey (RFC 5480). */
    static final String EC_PUBLIC_KEY_OID = "1.2.840.10045.2.1";
    /** id-Ed25519 (RFC 8410). */
    static final String ED25519_OID = "1.3.101.112";

    static final int ED25519_PUBLIC_KEY_LENGTH = 32;
    static final int ED25519_SIGNATURE_LENGTH = 64;
    /** Length of the ML-DSA representative mu and of the public-key hash tr (FIPS 204). */
    static final int ML_DSA_MU_LENGTH = 64;

    private Bc() {
    }

    /** The named-curve OID an ECC key spec's SubjectPublicKeyInfo carries in its algorithm parameters. */
    static String curveOid(KeySpec spec) {
        return switch (spec) {
            case ECC_NIST_P256 -> "1.2.840.10045.3.1.7";
            case ECC_NIST_P384 -> "1.3.132.0.34";
            case ECC_NIST_P521 -> "1.3.132.0.35";
            case ECC_SECG_P256_K1 -> "1.3.132.0.10";
            default -> throw new IllegalArgumentException("not an ECDSA key spec: " + spec);
        };
    }

    static int curveBits(KeySpec spec) {
        return switch (spec) {
            case ECC_NIST_P256, ECC_SECG_P256_K1 -> 256;
            case ECC_NIST_P384 -> 384;
            case ECC_NIST_P521 -> 521;
            default -> throw new IllegalArgumentException("not an ECDSA key spec: " + spec);
        };
    }

    /** The one ECDSA algorithm KMS lists for an ECC key spec. */
    static SigningAlgorithmSpec ecdsaAlgorithm(KeySpec spec) {
        return switch (spec) {
            case ECC_NIST_P256, ECC_SECG_P256_K1 -> SigningAlgorithmSpec.ECDSA_SHA_256;
            case ECC_NIST_P384 -> SigningAlgorithmSpec.ECDSA_SHA_384;
            case ECC_NIST_P521 -> SigningAlgorithmSpec.ECDSA_SHA_512;
            default -> throw new IllegalArgumentException("not an ECDSA key spec: " + spec);
        };
    }

    /** "SHA256withECDSA" and so on: the JCA name of an ECDSA algorithm with DER-encoded signatures. */
    static String ecdsaJcaName(SigningAlgorithmSpec algorithm) {
        return Jca.hashOf(algorithm).replace("-", "") + "withECDSA";
    }

    /** The algorithm identifier OIDs of ML-DSA-44, -65 and -87 (NIST CSOR, sigAlgs arc). */
    static String mlDsaOid(KeySpec spec) {
        return switch (spec) {
            case ML_DSA_44 -> "2.16.840.1.101.3.4.3.17";
            case ML_DSA_65 -> "2.16.840.1.101.3.4.3.18";
            case ML_DSA_87 -> "2.16.840.1.101.3.4.3.19";
            default -> throw new IllegalArgumentException("not an ML-DSA key spec: " + spec);
        };
    }

    /** FIPS 204 table 2: public-key size in bytes. */
    static int mlDsaPublicKeyLength(KeySpec spec) {
        return switch (spec) {
            case ML_DSA_44 -> 1312;
            case ML_DSA_65 -> 1952;
            case ML_DSA_87 -> 2592;
            default -> throw new IllegalArgumentException("not an ML-DSA key spec: " + spec);
        };
    }

    /** FIPS 204 table 2: signature size in bytes. */
    static int mlDsaSignatureLength(KeySpec spec) {
        return switch (spec) {
            case ML_DSA_44 -> 2420;
            case ML_DSA_65 -> 3309;
            case ML_DSA_87 -> 4627;
            default -> throw new IllegalArgumentException("not an ML-DSA key spec: " + spec);
        };
    }

    /** "ML-DSA-44" and so on, as BouncyCastle names the parameter sets. */
    static String mlDsaParameterSetName(KeySpec spec) {
        return spec.toString().replace('_', '-');
    }

    /** Parses a SubjectPublicKeyInfo; throws if the bytes are not exactly one such ASN.1 structure. */
    static SubjectPublicKeyInfo spki(byte[] der) throws IOException {
        return SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    }

    /** True if {@code encoding} is one ASN.1 value in distinguished encoding (it re-encodes to the same bytes). */
    static boolean isDer(byte[] encoding) {
        try {
            return Arrays.equals(encoding, ASN1Primitive.fromByteArray(encoding).getEncoded(ASN1Encoding.DER));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String algorithmOid(SubjectPublicKeyInfo info) {
        return info.getAlgorithm().getAlgorithm().getId();
    }

    /** The named-curve OID in the algorithm parameters, or null if the parameters are absent or not an OID. */
    static String parameterOid(SubjectPublicKeyInfo info) {
        return info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid ? oid.getId() : null;
    }

    /** The subjectPublicKey BIT STRING content: an EC point, 32 Ed25519 bytes or the encoded ML-DSA key. */
    static byte[] publicKeyBits(SubjectPublicKeyInfo info) {
        return info.getPublicKeyData().getBytes();
    }

    static PublicKey publicKey(String algorithm, byte[] spki) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm, PROVIDER).generatePublic(new X509EncodedKeySpec(spki));
    }

    /** y^2 = x^3 + ax + b over the prime field of the key's curve. */
    static boolean isOnCurve(ECPublicKey key) {
        ECParameterSpec params = key.getParams();
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        ECPoint w = key.getW();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        BigInteger left = y.pow(2).mod(p);
        BigInteger right = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    /** r and s of a DER ECDSA signature (SEQUENCE of exactly two INTEGERs); throws if it has another shape. */
    static BigInteger[] ecdsaRs(byte[] signature) throws IOException {
        ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
        if (sequence.size() != 2) {
            throw new IOException("ECDSA-Sig-Value has " + sequence.size() + " elements");
        }
        return new BigInteger[] {
            ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(),
            ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue()
        };
    }

    /** The IEEE P1363 form r || s (each left-padded to the order's length) of a DER ECDSA signature. */
    static byte[] ecdsaP1363(byte[] derSignature, int curveBits) throws IOException {
        int size = (curveBits + 7) / 8;
        BigInteger[] rs = ecdsaRs(derSignature);
        byte[] out = new byte[2 * size];
        for (int i = 0; i < 2; i++) {
            byte[] value = rs[i].toByteArray();
            int skip = value.length > size ? value.length - size : 0;
            System.arraycopy(value, skip, out, (i + 1) * size - (value.length - skip), value.length - skip);
        }
        return out;
    }

    /** Verifies with the named algorithm; {@code provider} null means the JDK's own providers. */
    static boolean verify(String algorithm, Provider provider, PublicKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = provider == null
                ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    /** Ed25519ph (RFC 8032 section 5.1, empty context): the verifier applies the SHA-512 prehash to {@code message}. */
    static boolean verifyEd25519ph(byte[] publicKey32, byte[] message, byte[] signature) {
        Ed25519phSigner verifier = new Ed25519phSigner(new byte[0]);
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey32, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /**
     * The external representative mu of pure ML-DSA with an empty context (FIPS 204 algorithm 2 with algorithm 7
     * line 6): mu = SHAKE256(SHAKE256(pk, 64) || 0x00 || 0x00 || M, 64), pk being the encoded public key.
     */
    static byte[] mlDsaExternalMu(byte[] encodedPublicKey, byte[] message) {
        byte[] tr = new byte[ML_DSA_MU_LENGTH];
        SHAKEDigest keyHash = new SHAKEDigest(256);
        keyHash.update(encodedPublicKey, 0, encodedPublicKey.length);
        keyHash.doFinal(tr, 0, tr.length);

        SHAKEDigest shake = new SHAKEDigest(256);
        shake.update(tr, 0, tr.length);
        shake.update((byte) 0); // domain separator: pure ML-DSA, not HashML-DSA
        shake.update((byte) 0); // context length: the empty context
        shake.update(message, 0, message.length);
        byte[] mu = new byte[ML_DSA_MU_LENGTH];
        shake.doFinal(mu, 0, mu.length);
        return mu;
    }
}
