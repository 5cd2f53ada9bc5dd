package dev.trent.server.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Secret bytes that guard themselves: no {@code toString}, {@code equals} or {@code hashCode} that could leak
 * them, and reading them requires naming {@link SecretAccess}, so every place that touches raw key bytes is
 * one grep away.
 */
public final class SecretBytes {

    private final byte[] bytes;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes a copy; the caller should wipe its own array. */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(bytes.clone());
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the secret; the caller owns it and should wipe it when done. */
    public byte[] reveal(SecretAccess access) {
        if (access == null) {
            throw new NullPointerException("reading secret bytes needs SecretAccess");
        }
        return bytes.clone();
    }

    /** Constant-time comparison. */
    public boolean sameAs(SecretBytes other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Overwrites the bytes; later reads see zeros. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes]";
    }
}
