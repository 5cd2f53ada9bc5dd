package dev.trent.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Key pairs of every non-RSA family: they survive sealing, and their signatures verify elsewhere. */
class AsymmetricKeyPairTest {

    private static final byte[] MESSAGE = "message".getBytes();

    @ParameterizedTest
    @EnumSource(AsymmetricKeyPair.Type.class)
    void pkcs8RoundTrip_keepsThePublicKey(AsymmetricKeyPair.Type type) {
        AsymmetricKeyPair pair = AsymmetricKeyPair.generate(type);
        AsymmetricKeyPair restored = AsymmetricKeyPair.fromPkcs8(type, SecretBytes.copyOf(pair.pkcs8().reveal(SecretAccess.INSTANCE)));
        assertArrayEquals(pair.subjectPublicKeyInfo(), restored.subjectPublicKeyInfo());
    }

    @Test
    void ecdsaP256_rawAndDigest_verifyWithTheJdk() throws Exception {
        AsymmetricKeyPair pair = AsymmetricKeyPair.generate(AsymmetricKeyPair.Type.NIST_P256);
        EcdsaSignature ecdsa = new EcdsaSignature(HashAlgorithm.SHA_256);
        for (byte[] signature : new byte[][] {ecdsa.sign(pair, MESSAGE, false),
                ecdsa.sign(pair, HashAlgorithm.SHA_256.hash(MESSAGE), true)}) {
            Signature jdk = Signature.getInstance("SHA256withECDSA");
            jdk.initVerify(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(pair.subjectPublicKeyInfo())));
            jdk.update(MESSAGE);
            assertTrue(jdk.verify(signature));
        }
        assertFalse(ecdsa.verify(pair, "other".getBytes(), false, ecdsa.sign(pair, MESSAGE, false)));
    }

    @Test
    void ed25519_pureVerifiesWithTheJdk_andPrehashDiffersFromPure() throws Exception {
        AsymmetricKeyPair pair = AsymmetricKeyPair.generate(AsymmetricKeyPair.Type.ED25519);
        byte[] pure = new Ed25519Signature(false).sign(pair, MESSAGE);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pair.subjectPublicKeyInfo())));
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(pure));

        byte[] digest = HashAlgorithm.SHA_512.hash(MESSAGE);
        byte[] prehashed = new Ed25519Signature(true).sign(pair, digest);
        assertTrue(new Ed25519Signature(true).verify(pair, digest, prehashed));
        assertFalse(new Ed25519Signature(false).verify(pair, digest, prehashed), "Ed25519ph is a different scheme");
    }

    @Test
    void mlDsa_externalMuSignature_verifiesOverTheMessage() throws Exception {
        AsymmetricKeyPair pair = AsymmetricKeyPair.generate(AsymmetricKeyPair.Type.ML_DSA_65);
        Signature calculateMu = Signature.getInstance("ML-DSA-CALCULATE-MU", Providers.BC);
        calculateMu.initSign(pair.privateKey());
        calculateMu.update(MESSAGE);
        byte[] mu = calculateMu.sign();
        assertEquals(MlDsaSignature.MU_LENGTH, mu.length);

        byte[] signature = new MlDsaSignature(true).sign(pair, mu);
        assertEquals(3309, signature.length);
        assertTrue(new MlDsaSignature(false).verify(pair, MESSAGE, signature));
    }

    @Test
    void ecdh_agreesWithTheJdk_andRefusesAnotherCurve() throws Exception {
        AsymmetricKeyPair trent = AsymmetricKeyPair.generate(AsymmetricKeyPair.Type.NIST_P384);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        var peer = generator.generateKeyPair();

        KeyAgreement jdk = KeyAgreement.getInstance("ECDH");
        jdk.init(peer.getPrivate());
        jdk.doPhase(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(trent.subjectPublicKeyInfo())), true);
        assertArrayEquals(jdk.generateSecret(), Ecdh.sharedSecret(trent, peer.getPublic().getEncoded()));

        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] otherCurve = generator.generateKeyPair().getPublic().getEncoded();
        assertThrows(GeneralSecurityException.class, () -> Ecdh.sharedSecret(trent, otherCurve));
        assertThrows(GeneralSecurityException.class, () -> Ecdh.sharedSecret(trent, new byte[] {1, 2, 3}));
    }

    @Test
    void hmac_matchesTheJdk() throws Exception {
        byte[] key = Random.bytes(32);
        javax.crypto.Mac jdk = javax.crypto.Mac.getInstance("HmacSHA224");
        jdk.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA224"));
        byte[] expected = jdk.doFinal(MESSAGE);
        Hmac hmac = new Hmac(HashAlgorithm.SHA_224);
        assertArrayEquals(expected, hmac.compute(SecretBytes.copyOf(key), MESSAGE));
        assertTrue(hmac.verify(SecretBytes.copyOf(key), MESSAGE, expected));
        expected[0] ^= 1;
        assertFalse(hmac.verify(SecretBytes.copyOf(key), MESSAGE, expected));
    }
}
