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
    private volatile boolean destroyed;

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

    /**
     * A copy of the secret; the caller owns it and should wipe it when done. Once destroyed there is no secret to
     * reveal: handing out the zeros instead would let a late reader encrypt under a key everyone knows.
     */
    public byte[] reveal(SecretAccess access) {
        if (access == null) {
            throw new NullPointerException("reading secret bytes needs SecretAccess");
        }
        byte[] copy = bytes.clone();
        if (destroyed) {
            Arrays.fill(copy, (byte) 0);
            throw new IllegalStateException("these secret bytes were destroyed");
        }
        return copy;
    }

    /** Constant-time comparison. */
    public boolean sameAs(SecretBytes other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Overwrites the bytes with zeros; later reads fail. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    /** True once {@link #destroy()} ran. */
    public boolean isDestroyed() {
        return destroyed;
    }

    /** True when every byte is zero, as after {@link #destroy()}; for tests that check the wipe itself. */
    boolean allZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes]";
    }
}
