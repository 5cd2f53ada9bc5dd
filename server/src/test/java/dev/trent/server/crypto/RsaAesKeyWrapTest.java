package dev.trent.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Trent's import unwrapping opens what independent implementations wrapped, and nothing tampered. */
class RsaAesKeyWrapTest {

    private static final RsaKeyPair WRAPPING_KEY = RsaKeyPair.generate(2048);

    @Test
    void unwrap_rsaAesWrapMadeBySunJce_givesTheMaterial_forBothHashes() throws Exception {
        for (int length : new int[] {1, 8, 32, 33, 121, 1300}) {
            byte[] material = bytes(length);
            assertArrayEquals(material, new RsaAesKeyWrap(HashAlgorithm.SHA_256).unwrap(WRAPPING_KEY,
                    JcaKeyWrapping.wrap("RSA_AES_KEY_WRAP_SHA_256", WRAPPING_KEY.subjectPublicKeyInfo(), material)));
            assertArrayEquals(material, new RsaAesKeyWrap(HashAlgorithm.SHA_1).unwrap(WRAPPING_KEY,
                    JcaKeyWrapping.wrap("RSA_AES_KEY_WRAP_SHA_1", WRAPPING_KEY.subjectPublicKeyInfo(), material)));
        }
    }

    @Test
    void unwrap_aesPartMadeByBouncyCastleJceAesWrapPad_givesTheMaterial() throws Exception {
        byte[] aesKey = bytes(32);
        byte[] material = bytes(48);
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(WRAPPING_KEY.subjectPublicKeyInfo()));
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT), new SecureRandom());
        byte[] head = oaep.doFinal(aesKey);
        Cipher wrapPad = Cipher.getInstance("AESWrapPad", Providers.BC);
        wrapPad.init(Cipher.WRAP_MODE, new SecretKeySpec(aesKey, "AES"));
        byte[] body = wrapPad.wrap(new SecretKeySpec(material, "AES"));
        byte[] wrapped = new byte[head.length + body.length];
        System.arraycopy(head, 0, wrapped, 0, head.length);
        System.arraycopy(body, 0, wrapped, head.length, body.length);

        assertArrayEquals(material, new RsaAesKeyWrap(HashAlgorithm.SHA_256).unwrap(WRAPPING_KEY, wrapped));
    }

    @Test
    void unwrap_tamperedOrWrongHashOrTruncated_throws() throws Exception {
        byte[] wrapped = JcaKeyWrapping.wrap("RSA_AES_KEY_WRAP_SHA_256", WRAPPING_KEY.subjectPublicKeyInfo(), bytes(32));
        RsaAesKeyWrap unwrapper = new RsaAesKeyWrap(HashAlgorithm.SHA_256);
        byte[] tamperedBody = wrapped.clone();
        tamperedBody[tamperedBody.length - 1] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> unwrapper.unwrap(WRAPPING_KEY, tamperedBody));
        byte[] tamperedHead = wrapped.clone();
        tamperedHead[3] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> unwrapper.unwrap(WRAPPING_KEY, tamperedHead));
        assertThrows(GeneralSecurityException.class,
                () -> new RsaAesKeyWrap(HashAlgorithm.SHA_1).unwrap(WRAPPING_KEY, wrapped));
        assertThrows(GeneralSecurityException.class,
                () -> unwrapper.unwrap(WRAPPING_KEY, java.util.Arrays.copyOf(wrapped, 256)));
    }

    @Test
    void pkcs1Decrypt_opensSunJcePkcs1Padding_andNeverYieldsTheMaterialOfAnOaepWrapping() throws Exception {
        byte[] material = bytes(32);
        assertArrayEquals(material, RsaPkcs1Decryption.decrypt(WRAPPING_KEY,
                JcaKeyWrapping.wrap("RSAES_PKCS1_V1_5", WRAPPING_KEY.subjectPublicKeyInfo(), material)));
        byte[] oaep = JcaKeyWrapping.wrap("RSAES_OAEP_SHA_256", WRAPPING_KEY.subjectPublicKeyInfo(), material);
        // BouncyCastle answers bad PKCS#1 v1.5 padding either with an exception or, with implicit rejection
        // against padding oracles, with unrelated bytes; either way the material does not come out.
        byte[] opened;
        try {
            opened = RsaPkcs1Decryption.decrypt(WRAPPING_KEY, oaep);
        } catch (GeneralSecurityException e) {
            opened = null;
        }
        assertFalse(java.util.Arrays.equals(material, opened));
    }

    private static byte[] bytes(int length) {
        byte[] out = new byte[length];
        new SecureRandom().nextBytes(out);
        return out;
    }
}
