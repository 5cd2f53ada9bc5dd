package dev.trent.server.crypto;

import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Whether a PKCS#8 PrivateKeyInfo (RFC 5208) holds a key of exactly one {@link AsymmetricKeyPair.Type}, read from
 * its AlgorithmIdentifier. Parsing alone cannot tell: an "EC" key factory takes a key on any curve, so imported
 * material for a P-256 key must be checked to name P-256 (RFC 5480 named curve), not P-384.
 */
public final class Pkcs8KeyType {

    /** RFC 8410: id-Ed25519. */
    private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private Pkcs8KeyType() {
    }

    public static boolean matches(AsymmetricKeyPair.Type type, SecretBytes pkcs8) {
        byte[] encoded = pkcs8.reveal(SecretAccess.INSTANCE);
        try {
            AlgorithmIdentifier algorithm = PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm();
            ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
            return switch (type) {
                case NIST_P256 -> namedCurve(algorithm, SECObjectIdentifiers.secp256r1);
                case NIST_P384 -> namedCurve(algorithm, SECObjectIdentifiers.secp384r1);
                case NIST_P521 -> namedCurve(algorithm, SECObjectIdentifiers.secp521r1);
                case SECP256K1 -> namedCurve(algorithm, SECObjectIdentifiers.secp256k1);
                case SM2 -> namedCurve(algorithm, GMObjectIdentifiers.sm2p256v1);
                case ED25519 -> oid.equals(ED25519);
                case ML_DSA_44 -> oid.equals(NISTObjectIdentifiers.id_ml_dsa_44);
                case ML_DSA_65 -> oid.equals(NISTObjectIdentifiers.id_ml_dsa_65);
                case ML_DSA_87 -> oid.equals(NISTObjectIdentifiers.id_ml_dsa_87);
            };
        } catch (RuntimeException e) {
            return false;
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static boolean namedCurve(AlgorithmIdentifier algorithm, ASN1ObjectIdentifier curve) {
        ASN1Encodable parameters = algorithm.getParameters();
        return algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey) && curve.equals(parameters);
    }
}
