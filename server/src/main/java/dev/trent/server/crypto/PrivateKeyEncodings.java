package dev.trent.server.crypto;

import java.io.IOException;
import java.io.StringReader;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

/**
 * Private keys as people keep them, turned into the PKCS#8 PrivateKeyInfo Trent stores: PKCS#8 itself, or the
 * "traditional" encodings OpenSSL writes, PKCS#1 for RSA and SEC1 for elliptic curves (which must name their
 * curve, since PKCS#8 needs it). Whether the key fits a key spec is checked later, by the spec's own rules.
 */
public final class PrivateKeyEncodings {

    private PrivateKeyEncodings() {
    }

    /**
     * PKCS#8 DER from DER that is PKCS#8, PKCS#1 or SEC1.
     *
     * @throws IllegalArgumentException when it is none of them
     */
    public static SecretBytes pkcs8FromDer(byte[] der) {
        ASN1Sequence sequence;
        try {
            sequence = ASN1Sequence.getInstance(der);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a DER-encoded private key");
        }
        PrivateKeyInfo info = asPkcs8(sequence);
        if (info == null) {
            info = asPkcs1(sequence);
        }
        if (info == null) {
            info = asSec1(sequence);
        }
        if (info == null) {
            throw new IllegalArgumentException("not a PKCS#8, PKCS#1 (RSA) or SEC1 (EC) private key");
        }
        return encoded(info);
    }

    /**
     * PKCS#8 DER from the first PEM block of {@code pem}: {@code PRIVATE KEY}, {@code RSA PRIVATE KEY} or
     * {@code EC PRIVATE KEY}; encrypted keys are refused, since there is no one to ask for a password.
     *
     * @throws IllegalArgumentException saying what the text holds instead
     */
    public static SecretBytes pkcs8FromPem(String pem) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PEM private key: " + e.getMessage());
        }
        return pkcs8Of(parsed);
    }

    private static SecretBytes pkcs8Of(Object parsed) {
        if (parsed instanceof PrivateKeyInfo info) {
            return encoded(info);
        }
        if (parsed instanceof PEMKeyPair pair) {
            PrivateKeyInfo info = pair.getPrivateKeyInfo();
            AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
            boolean ec = X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm());
            if (ec && algorithm.getParameters() == null) {
                throw new IllegalArgumentException("the EC PRIVATE KEY does not name its curve");
            }
            return encoded(info);
        }
        if (parsed == null) {
            throw new IllegalArgumentException("no PEM block (-----BEGIN ...-----) found");
        }
        throw new IllegalArgumentException("the PEM block is not an unencrypted private key ("
                + parsed.getClass().getSimpleName() + ")");
    }

    private static PrivateKeyInfo asPkcs8(ASN1Sequence sequence) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(sequence);
            return info.getPrivateKeyAlgorithm() != null ? info : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static PrivateKeyInfo asPkcs1(ASN1Sequence sequence) {
        try {
            RSAPrivateKey key = RSAPrivateKey.getInstance(sequence);
            return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    key);
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private static PrivateKeyInfo asSec1(ASN1Sequence sequence) {
        try {
            ECPrivateKey key = ECPrivateKey.getInstance(sequence);
            ASN1Encodable curve = key.getParametersObject();
            if (curve == null) {
                throw new IllegalArgumentException("the SEC1 EC private key does not name its curve");
            }
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), key);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the SEC1")) {
                throw e;
            }
            return null;
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private static SecretBytes encoded(PrivateKeyInfo info) {
        try {
            return SecretBytes.copyOf(info.getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the private key as PKCS#8");
        }
    }
}
