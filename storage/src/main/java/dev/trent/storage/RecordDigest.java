package dev.trent.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the integrity manifest adds up: a keyed digest of each stored record (its path and sealed bytes) and the
 * bucket the record falls in. The key is derived from the keyring ({@link Keyring#derive}), so nobody without the
 * root of trust can compute a term that balances a change.
 *
 * <p>A record's bucket depends only on its group (the path without its first segment, cut after the key id:
 * {@code keys/ACCOUNT/REGION/ID} and {@code material/ACCOUNT/REGION/ID/1} share one), so every record of one key
 * lands in the same bucket and a mismatch points at a small set of keys.
 */
final class RecordDigest {

    static final int BUCKETS = 256;
    static final int TERM_BYTES = 32;

    private static final String PURPOSE = "trent/integrity/v1";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    private RecordDigest(SecretKeySpec key) {
        this.key = key;
    }

    /** The digest keyed for the store whose keyring is {@code keyring}. */
    static RecordDigest of(Keyring keyring) {
        byte[] derived = keyring.derive(PURPOSE);
        try {
            return new RecordDigest(new SecretKeySpec(derived, HMAC));
        } finally {
            java.util.Arrays.fill(derived, (byte) 0);
        }
    }

    /** The keyed digest of one record. */
    byte[] term(String path, byte[] sealedValue) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(path.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(sealedValue);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A MAC over {@code data} under this store's integrity key, for what is kept outside the database. */
    byte[] authenticate(byte[] data) {
        return mac(key, data);
    }

    static boolean sameMac(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** The bucket of {@code path}: a hash of its group, so it needs no key and fsck can print it. */
    static int bucket(String path) {
        return Byte.toUnsignedInt(sha256(group(path).getBytes(StandardCharsets.UTF_8))[0]);
    }

    /** The path without its first segment, up to and including the fourth segment. */
    static String group(String path) {
        String[] segments = path.split("/", 5);
        if (segments.length < 4) {
            return path;
        }
        return segments[1] + "/" + segments[2] + "/" + segments[3];
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
