package dev.trent.server.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 public-key encryption (GB/T 32918.4-2016), the ciphertext in the ASN.1 form of GM/T 0009-2012:
 * SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING (32), ciphertext OCTET STRING }, the form Chinese SM2
 * libraries exchange. At most 1024 bytes of plaintext, AWS KMS's limit for SM2PKE.
 */
public final class Sm2Encryption {

    public static final int MAX_PLAINTEXT = 1024;
    private static final int COORDINATE = 32;
    private static final int HASH = 32;

    public byte[] encrypt(AsymmetricKeyPair key, byte[] plaintext) {
        ECPublicKey publicKey = (ECPublicKey) key.publicKey();
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(
                new ECPublicKeyParameters(publicKey.getQ(), domain(publicKey.getParameters())), Random.secureRandom()));
        try {
            byte[] raw = engine.processBlock(plaintext, 0, plaintext.length);
            // C1 = 04 || x || y, then C3 (the SM3 hash), then C2.
            ASN1EncodableVector fields = new ASN1EncodableVector();
            fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + COORDINATE))));
            fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1 + COORDINATE, 1 + 2 * COORDINATE))));
            fields.add(new DEROctetString(Arrays.copyOfRange(raw, 1 + 2 * COORDINATE, 1 + 2 * COORDINATE + HASH)));
            fields.add(new DEROctetString(Arrays.copyOfRange(raw, 1 + 2 * COORDINATE + HASH, raw.length)));
            return new DERSequence(fields).getEncoded("DER");
        } catch (InvalidCipherTextException | IOException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    public byte[] decrypt(AsymmetricKeyPair key, byte[] ciphertext) throws GeneralSecurityException {
        ECPrivateKey privateKey = (ECPrivateKey) key.privateKey();
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ciphertext);
            if (sequence.size() != 4) {
                throw new GeneralSecurityException("not an SM2 ciphertext");
            }
            byte[] x = BigIntegers.asUnsignedByteArray(COORDINATE, ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue());
            byte[] y = BigIntegers.asUnsignedByteArray(COORDINATE, ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue());
            byte[] hash = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
            byte[] body = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
            byte[] raw = new byte[1 + 2 * COORDINATE + hash.length + body.length];
            raw[0] = 0x04;
            System.arraycopy(x, 0, raw, 1, COORDINATE);
            System.arraycopy(y, 0, raw, 1 + COORDINATE, COORDINATE);
            System.arraycopy(hash, 0, raw, 1 + 2 * COORDINATE, hash.length);
            System.arraycopy(body, 0, raw, 1 + 2 * COORDINATE + hash.length, body.length);
            SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
            engine.init(false, new ECPrivateKeyParameters(privateKey.getD(), domain(privateKey.getParameters())));
            return engine.processBlock(raw, 0, raw.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new GeneralSecurityException("SM2 decryption failed", e);
        }
    }

    private static ECDomainParameters domain(ECParameterSpec spec) {
        return new ECDomainParameters(spec.getCurve(), spec.getG(), spec.getN(), spec.getH());
    }
}
