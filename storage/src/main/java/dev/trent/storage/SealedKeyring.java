package dev.trent.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a store keeps beside its records so it can be opened again: the kind and public parameters of its root
 * of trust, and the keyring as wrapped by that root. Nothing in it is secret without the root.
 */
public final class SealedKeyring {

    private final String rootKind;
    private final byte[] rootParameters;
    private final byte[] wrappedKeyring;

    public SealedKeyring(String rootKind, byte[] rootParameters, byte[] wrappedKeyring) {
        this.rootKind = Objects.requireNonNull(rootKind, "rootKind");
        this.rootParameters = Objects.requireNonNull(rootParameters, "rootParameters").clone();
        this.wrappedKeyring = Objects.requireNonNull(wrappedKeyring, "wrappedKeyring").clone();
        if (rootKind.isEmpty()) {
            throw new IllegalArgumentException("rootKind is empty");
        }
    }

    public String rootKind() {
        return rootKind;
    }

    /** A copy of the root's public parameters. */
    public byte[] rootParameters() {
        return rootParameters.clone();
    }

    /** A copy of the wrapped keyring. */
    public byte[] wrappedKeyring() {
        return wrappedKeyring.clone();
    }

    /**
     * SHA-256 over kind, parameters and wrapped keyring, each length-prefixed: stored beside them so that a
     * damaged row is told apart from a root of trust that does not fit (both make unwrapping fail).
     */
    byte[] checksum() {
        try {
            java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] part : new byte[][] {rootKind.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    rootParameters, wrappedKeyring}) {
                sha256.update(java.nio.ByteBuffer.allocate(4).putInt(part.length).array());
                sha256.update(part);
            }
            return sha256.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Equal when kind, parameters and wrapped bytes are all equal: the same stored keyring. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SealedKeyring
                && ((SealedKeyring) o).rootKind.equals(rootKind)
                && Arrays.equals(((SealedKeyring) o).rootParameters, rootParameters)
                && Arrays.equals(((SealedKeyring) o).wrappedKeyring, wrappedKeyring);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rootKind, Arrays.hashCode(rootParameters), Arrays.hashCode(wrappedKeyring));
    }

    @Override
    public String toString() {
        return "SealedKeyring[" + rootKind + ", " + wrappedKeyring.length + " bytes]";
    }
}
