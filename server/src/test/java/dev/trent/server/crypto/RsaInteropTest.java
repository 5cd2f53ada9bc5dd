package dev.trent.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.crypto.RsaSignature.Padding;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Trent's RSA against the JDK's own implementation, which shares no code with BouncyCastle's. */
class RsaInteropTest {

    private static final RsaKeyPair KEY = RsaKeyPair.generate(2048);
    private static final byte[] MESSAGE = "a message to sign".getBytes();

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA_256", "SHA_384", "SHA_512"})
    void pkcs1Signature_verifiesWithJdk_andDigestInputGivesTheSameSignature(HashAlgorithm hash) throws Exception {
        RsaSignature trent = new RsaSignature(Padding.PKCS1_V1_5, hash);
        byte[] raw = trent.sign(KEY, MESSAGE, false);
        byte[] digest = trent.sign(KEY, hash.hash(MESSAGE), true);

        assertArrayEquals(raw, digest, "PKCS#1 v1.5 is deterministic");
        Signature jdk = Signature.getInstance(jdkName(hash) + "withRSA");
        jdk.initVerify(publicKey());
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(raw));
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA_256", "SHA_384", "SHA_512"})
    void pkcs1Signature_isByteForByteTheJdksSignature(HashAlgorithm hash) throws Exception {
        Signature jdk = Signature.getInstance(jdkName(hash) + "withRSA");
        jdk.initSign(privateKey());
        jdk.update(MESSAGE);
        assertArrayEquals(jdk.sign(), new RsaSignature(Padding.PKCS1_V1_5, hash).sign(KEY, MESSAGE, false));
    }

    @ParameterizedTest
    @EnumSource(value = Padding.class)
    void signature_failsForAnotherMessage_aChangedSignature_orTheOtherPadding(Padding padding) {
        RsaSignature trent = new RsaSignature(padding, HashAlgorithm.SHA_256);
        byte[] signature = trent.sign(KEY, MESSAGE, false);
        assertTrue(trent.verify(KEY, MESSAGE, false, signature));
        assertFalse(trent.verify(KEY, "another message".getBytes(), false, signature));
        byte[] changed = signature.clone();
        changed[changed.length - 1] ^= 1;
        assertFalse(trent.verify(KEY, MESSAGE, false, changed));
        assertFalse(trent.verify(KEY, MESSAGE, false, new byte[0]));
        Padding other = padding == Padding.PSS ? Padding.PKCS1_V1_5 : Padding.PSS;
        assertFalse(new RsaSignature(other, HashAlgorithm.SHA_256).verify(KEY, MESSAGE, false, signature));
        assertFalse(new RsaSignature(padding, HashAlgorithm.SHA_384).verify(KEY, MESSAGE, false, signature));
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA_256", "SHA_384", "SHA_512"})
    void pssSignature_overMessageOrDigest_verifiesWithJdk(HashAlgorithm hash) throws Exception {
        RsaSignature trent = new RsaSignature(Padding.PSS, hash);
        for (byte[] signature : new byte[][] {trent.sign(KEY, MESSAGE, false), trent.sign(KEY, hash.hash(MESSAGE), true)}) {
            Signature jdk = jdkPss(hash);
            jdk.initVerify(publicKey());
            jdk.update(MESSAGE);
            assertTrue(jdk.verify(signature));
        }
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA_256", "SHA_384", "SHA_512"})
    void jdkSignatures_verifyInTrent(HashAlgorithm hash) throws Exception {
        Signature pkcs1 = Signature.getInstance(jdkName(hash) + "withRSA");
        pkcs1.initSign(privateKey());
        pkcs1.update(MESSAGE);
        assertTrue(new RsaSignature(Padding.PKCS1_V1_5, hash).verify(KEY, MESSAGE, false, pkcs1.sign()));

        Signature pss = jdkPss(hash);
        pss.initSign(privateKey());
        pss.update(MESSAGE);
        byte[] signature = pss.sign();
        assertTrue(new RsaSignature(Padding.PSS, hash).verify(KEY, hash.hash(MESSAGE), true, signature));
        signature[10] ^= 1;
        assertFalse(new RsaSignature(Padding.PSS, hash).verify(KEY, MESSAGE, false, signature));
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA_1", "SHA_256"})
    void oaep_interoperatesWithJdkBothWays(HashAlgorithm hash) throws Exception {
        OAEPParameterSpec spec = new OAEPParameterSpec(jdkDigest(hash), "MGF1", new MGF1ParameterSpec(jdkDigest(hash)),
                PSource.PSpecified.DEFAULT);
        RsaOaep trent = new RsaOaep(hash);
        byte[] plaintext = Random.bytes(trent.maxPlaintextLength(2048));

        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.ENCRYPT_MODE, publicKey(), spec);
        assertArrayEquals(plaintext, trent.decrypt(KEY, jdk.doFinal(plaintext)));

        jdk.init(Cipher.DECRYPT_MODE, privateKey(), spec);
        assertArrayEquals(plaintext, jdk.doFinal(trent.encrypt(KEY, plaintext)));
    }

    @Test
    void oaep_tamperedCiphertext_failsToDecrypt() {
        byte[] ciphertext = new RsaOaep(HashAlgorithm.SHA_256).encrypt(KEY, "data".getBytes());
        ciphertext[5] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> new RsaOaep(HashAlgorithm.SHA_256).decrypt(KEY, ciphertext));
    }

    @Test
    void pkcs8_roundTrip_keepsThePublicKey() {
        RsaKeyPair restored = RsaKeyPair.fromPkcs8(KEY.pkcs8());
        assertArrayEquals(KEY.subjectPublicKeyInfo(), restored.subjectPublicKeyInfo());
        assertEquals(2048, restored.bits());
    }

    private static PublicKey publicKey() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(KEY.subjectPublicKeyInfo()));
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(KEY.pkcs8().reveal(SecretAccess.INSTANCE)));
    }

    private static Signature jdkPss(HashAlgorithm hash) throws GeneralSecurityException {
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec(jdkDigest(hash), "MGF1", new MGF1ParameterSpec(jdkDigest(hash)), hash.length(), 1));
        return pss;
    }

    private static String jdkName(HashAlgorithm hash) {
        return jdkDigest(hash).replace("-", "");
    }

    private static String jdkDigest(HashAlgorithm hash) {
        return hash.name().replace("_", "-");
    }
}
