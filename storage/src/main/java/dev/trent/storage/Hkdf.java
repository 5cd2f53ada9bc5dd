package dev.trent.storage;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from input keying material, then expand it. */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /** {@code length} bytes of output keying material; at most 255 hash lengths, as RFC 5869 allows. */
    static byte[] sha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to " + 255 * HASH_BYTES + " bytes, not " + length);
        }
        try {
            Mac extract = Mac.getInstance(HMAC);
            // An absent salt is a hash length of zeros (RFC 5869, section 2.2).
            extract.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_BYTES] : salt, HMAC));
            byte[] prk = extract.doFinal(inputKey);
            Mac expand = Mac.getInstance(HMAC);
            expand.init(new SecretKeySpec(prk, HMAC));
            Arrays.fill(prk, (byte) 0);
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            for (int i = 1, written = 0; written < length; i++) {
                expand.update(block);
                expand.update(info);
                expand.update((byte) i);
                Arrays.fill(block, (byte) 0);
                block = expand.doFinal();
                int n = Math.min(block.length, length - written);
                System.arraycopy(block, 0, out, written, n);
                written += n;
            }
            Arrays.fill(block, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new StorageException("HMAC-SHA256 is not available", e);
        }
    }
}
