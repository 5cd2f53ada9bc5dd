package dev.trent.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/** SM2 signatures and encryption against BouncyCastle's own SM2 (JCA "SM3withSM2", SM2Engine). */
class Sm2Test {

    private static final AsymmetricKeyPair KEY = AsymmetricKeyPair.generate(AsymmetricKeyPair.Type.SM2);
    private static final byte[] MESSAGE = "message to sign".getBytes(StandardCharsets.UTF_8);

    @Test
    void rawSignature_verifiesWithBouncyCastleJca() throws Exception {
        byte[] signature = new Sm2Signature().sign(KEY, MESSAGE, false);
        assertTrue(jcaVerify(signature));
    }

    @Test
    void digestSignature_overZaAndMessage_verifiesOverTheMessage() throws Exception {
        byte[] e = digestOf(MESSAGE);
        byte[] signature = new Sm2Signature().sign(KEY, e, true);

        assertTrue(jcaVerify(signature), "a signature over e verifies as one over M");
        assertTrue(new Sm2Signature().verify(KEY, e, true, signature));
        assertTrue(new Sm2Signature().verify(KEY, MESSAGE, false, signature));
        assertFalse(new Sm2Signature().verify(KEY, digestOf("other".getBytes(StandardCharsets.UTF_8)), true, signature));
    }

    @Test
    void encryption_roundTrips_andIsGmt0009Der() throws Exception {
        byte[] plaintext = Random.bytes(Sm2Encryption.MAX_PLAINTEXT);
        byte[] ciphertext = new Sm2Encryption().encrypt(KEY, plaintext);

        ASN1Sequence der = ASN1Sequence.getInstance(ciphertext);
        ASN1Integer.getInstance(der.getObjectAt(0));
        ASN1Integer.getInstance(der.getObjectAt(1));
        assertTrue(ASN1OctetString.getInstance(der.getObjectAt(2)).getOctets().length == 32);
        assertTrue(ASN1OctetString.getInstance(der.getObjectAt(3)).getOctets().length == plaintext.length);
        assertArrayEquals(plaintext, new Sm2Encryption().decrypt(KEY, ciphertext));

        ciphertext[ciphertext.length - 1] ^= 1;
        byte[] tampered = ciphertext;
        assertThrows(GeneralSecurityException.class, () -> new Sm2Encryption().decrypt(KEY, tampered));
        assertThrows(GeneralSecurityException.class, () -> new Sm2Encryption().decrypt(KEY, new byte[] {1, 2}));
    }

    private static boolean jcaVerify(byte[] signature) throws Exception {
        PublicKey publicKey = KeyFactory.getInstance("EC", Providers.BC)
                .generatePublic(new X509EncodedKeySpec(KEY.subjectPublicKeyInfo()));
        Signature verifier = Signature.getInstance("SM3withSM2", Providers.BC);
        verifier.initVerify(publicKey);
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }

    /** e = SM3(Z_A || M), Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA) with ID 1234567812345678. */
    private static byte[] digestOf(byte[] message) throws Exception {
        ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC", Providers.BC)
                .generatePublic(new X509EncodedKeySpec(KEY.subjectPublicKeyInfo()));
        ECParameterSpec domain = publicKey.getParameters();
        byte[] id = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
        SM3Digest z = new SM3Digest();
        z.update((byte) (id.length * 8 >> 8));
        z.update((byte) (id.length * 8));
        z.update(id, 0, id.length);
        for (BigInteger value : new BigInteger[] {
            domain.getCurve().getA().toBigInteger(), domain.getCurve().getB().toBigInteger(),
            domain.getG().getAffineXCoord().toBigInteger(), domain.getG().getAffineYCoord().toBigInteger(),
            publicKey.getQ().getAffineXCoord().toBigInteger(), publicKey.getQ().getAffineYCoord().toBigInteger()}) {
            byte[] bytes = BigIntegers.asUnsignedByteArray(32, value);
            z.update(bytes, 0, bytes.length);
        }
        byte[] za = new byte[32];
        z.doFinal(za, 0);
        SM3Digest e = new SM3Digest();
        e.update(za, 0, za.length);
        e.update(message, 0, message.length);
        byte[] out = new byte[32];
        e.doFinal(out, 0);
        return out;
    }
}
