package dev.trent.server.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 digital signatures (GB/T 32918.2-2016) with DER-encoded (r, s). Over a message, the signer computes
 * e = SM3(Z_A || M) with the default distinguishing ID 1234567812345678, as AWS KMS does; over a digest the
 * caller has already computed e that way and it is signed as it is.
 */
public final class Sm2Signature {

    /** e is an SM3 output. */
    public static final int DIGEST_LENGTH = 32;

    public byte[] sign(AsymmetricKeyPair key, byte[] input, boolean inputIsDigest) {
        try {
            if (!inputIsDigest) {
                Signature signature = Signature.getInstance("SM3withSM2", Providers.BC);
                signature.initSign(key.privateKey(), Random.secureRandom());
                signature.update(input);
                return signature.sign();
            }
            return signDigest((ECPrivateKey) key.privateKey(), new BigInteger(1, input));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    public boolean verify(AsymmetricKeyPair key, byte[] input, boolean inputIsDigest, byte[] signatureBytes) {
        try {
            if (!inputIsDigest) {
                Signature signature = Signature.getInstance("SM3withSM2", Providers.BC);
                signature.initVerify(key.publicKey());
                signature.update(input);
                return signature.verify(signatureBytes);
            }
            return verifyDigest((ECPublicKey) key.publicKey(), new BigInteger(1, input), signatureBytes);
        } catch (SignatureException | IOException | RuntimeException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 verification failed", e);
        }
    }

    /** GB/T 32918.2 section 6.1, steps A3 to A7, from e on. */
    private static byte[] signDigest(ECPrivateKey key, BigInteger e) throws IOException {
        ECParameterSpec domain = key.getParameters();
        BigInteger n = domain.getN();
        BigInteger d = key.getD();
        BigInteger r;
        BigInteger s;
        do {
            BigInteger k = BigIntegers.createRandomInRange(BigInteger.ONE, n.subtract(BigInteger.ONE), Random.secureRandom());
            BigInteger x1 = domain.getG().multiply(k).normalize().getAffineXCoord().toBigInteger();
            r = e.add(x1).mod(n);
            if (r.signum() == 0 || r.add(k).equals(n)) {
                continue;
            }
            s = d.add(BigInteger.ONE).modInverse(n).multiply(k.subtract(r.multiply(d))).mod(n);
            if (s.signum() != 0) {
                break;
            }
        } while (true);
        ASN1EncodableVector pair = new ASN1EncodableVector();
        pair.add(new ASN1Integer(r));
        pair.add(new ASN1Integer(s));
        return new DERSequence(pair).getEncoded("DER");
    }

    /** GB/T 32918.2 section 7.1, steps B3 to B7, from e on. */
    private static boolean verifyDigest(ECPublicKey key, BigInteger e, byte[] signature) throws IOException {
        ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
        if (sequence.size() != 2 || !java.util.Arrays.equals(sequence.getEncoded("DER"), signature)) {
            return false;
        }
        BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
        BigInteger n = key.getParameters().getN();
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        BigInteger t = r.add(s).mod(n);
        if (t.signum() == 0) {
            return false;
        }
        ECPoint point = ECAlgorithms.sumOfTwoMultiplies(key.getParameters().getG(), s, key.getQ(), t).normalize();
        if (point.isInfinity()) {
            return false;
        }
        return e.add(point.getAffineXCoord().toBigInteger()).mod(n).equals(r);
    }
}
