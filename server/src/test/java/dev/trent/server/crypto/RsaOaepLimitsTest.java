package dev.trent.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;

/**
 * The RSA-OAEP plaintext limits AWS documents (214/190, 342/318, 470/446 bytes), checked on real keys of each
 * size against the JDK's own limit. One key per size, shared: 3072- and 4096-bit generation is slow.
 */
class RsaOaepLimitsTest {

    private static final Map<Integer, RsaKeyPair> KEYS = Map.of(
            2048, RsaKeyPair.generate(2048), 3072, RsaKeyPair.generate(3072), 4096, RsaKeyPair.generate(4096));

    private record Limit(int bits, HashAlgorithm hash, int maxBytes) {
    }

    private static final List<Limit> LIMITS = List.of(
            new Limit(2048, HashAlgorithm.SHA_1, 214), new Limit(2048, HashAlgorithm.SHA_256, 190),
            new Limit(3072, HashAlgorithm.SHA_1, 342), new Limit(3072, HashAlgorithm.SHA_256, 318),
            new Limit(4096, HashAlgorithm.SHA_1, 470), new Limit(4096, HashAlgorithm.SHA_256, 446));

    @Test
    void maxPlaintextLength_isAwsLimit_forEverySizeAndHash() {
        List<String> failures = new ArrayList<>();
        for (Limit limit : LIMITS) {
            int actual = new RsaOaep(limit.hash()).maxPlaintextLength(limit.bits());
            if (actual != limit.maxBytes()) {
                failures.add(limit + ": got " + actual);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void longestPlaintext_roundTripsWithTheJdk_andOneByteMoreIsRefusedByBoth() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Limit limit : LIMITS) {
            RsaKeyPair key = KEYS.get(limit.bits());
            assertEquals(limit.bits(), key.bits());
            RsaOaep trent = new RsaOaep(limit.hash());
            byte[] longest = Random.bytes(limit.maxBytes());

            Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
            jdk.init(Cipher.ENCRYPT_MODE, publicKey(key), spec(limit.hash()));
            byte[] fromJdk = jdk.doFinal(longest);
            if (fromJdk.length != limit.bits() / 8) {
                failures.add(limit + ": ciphertext of " + fromJdk.length + " bytes");
            }
            try {
                assertArrayEquals(longest, trent.decrypt(key, fromJdk));
            } catch (GeneralSecurityException | AssertionError e) {
                failures.add(limit + ": Trent did not decrypt the JDK's ciphertext: " + e);
            }

            byte[] tooLong = Random.bytes(limit.maxBytes() + 1);
            try {
                trent.encrypt(key, tooLong);
                failures.add(limit + ": Trent encrypted " + tooLong.length + " bytes");
            } catch (RuntimeException expected) {
                // refused; which exception is the subject of encrypt_ofTooLongPlaintext_throwsIllegalArgument
            }
            jdk.init(Cipher.ENCRYPT_MODE, publicKey(key), spec(limit.hash()));
            try {
                jdk.doFinal(tooLong);
                failures.add(limit + ": the JDK encrypted " + tooLong.length + " bytes, so the limit is wrong");
            } catch (GeneralSecurityException expected) {
                // the JDK agrees on the limit
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void encrypt_ofTooLongPlaintext_throwsIllegalArgument() {
        RsaKeyPair key = KEYS.get(2048);
        RsaOaep oaep = new RsaOaep(HashAlgorithm.SHA_256);
        assertThrows(IllegalArgumentException.class, () -> oaep.encrypt(key, new byte[oaep.maxPlaintextLength(2048) + 1]));
    }

    @Test
    void decrypt_ofCiphertextOfTheWrongLength_orUnderTheOtherHash_fails() {
        RsaKeyPair key = KEYS.get(3072);
        byte[] ciphertext = new RsaOaep(HashAlgorithm.SHA_256).encrypt(key, new byte[] {1, 2, 3});
        assertThrows(GeneralSecurityException.class,
                () -> new RsaOaep(HashAlgorithm.SHA_1).decrypt(key, ciphertext));
        assertThrows(GeneralSecurityException.class,
                () -> new RsaOaep(HashAlgorithm.SHA_256).decrypt(key, java.util.Arrays.copyOf(ciphertext, 256)));
        assertThrows(GeneralSecurityException.class,
                () -> new RsaOaep(HashAlgorithm.SHA_256).decrypt(KEYS.get(4096), ciphertext));
    }

    private static OAEPParameterSpec spec(HashAlgorithm hash) {
        String name = hash.name().replace("_", "-");
        return new OAEPParameterSpec(name, "MGF1", new MGF1ParameterSpec(name), PSource.PSpecified.DEFAULT);
    }

    private static PublicKey publicKey(RsaKeyPair key) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.subjectPublicKeyInfo()));
    }
}
