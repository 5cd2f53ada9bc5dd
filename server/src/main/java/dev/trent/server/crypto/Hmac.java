package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC (RFC 2104, FIPS 198-1) with a SHA-2 hash; verification compares in constant time. */
public final class Hmac {

    private final HashAlgorithm hash;

    public Hmac(HashAlgorithm hash) {
        this.hash = hash;
    }

    public byte[] compute(SecretBytes key, byte[] message) {
        byte[] raw = key.reveal(SecretAccess.INSTANCE);
        try {
            Mac mac = Mac.getInstance("Hmac" + hash.jcaName());
            mac.init(new SecretKeySpec(raw, mac.getAlgorithm()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    public boolean verify(SecretBytes key, byte[] message, byte[] expected) {
        return MessageDigest.isEqual(compute(key, message), expected);
    }
}
