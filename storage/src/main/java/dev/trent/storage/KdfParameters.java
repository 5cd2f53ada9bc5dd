package dev.trent.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The public Argon2id parameters stored beside a passphrase-wrapped keyring, so every later start derives the
 * same key. Encoding (big-endian): version (1 byte, = 1: Argon2id v1.3, 32-byte output) || memory KiB (4) ||
 * iterations (4) || parallelism (4) || salt length (1) || salt.
 */
final class KdfParameters {

    static final int SALT_BYTES = 16;
    private static final byte VERSION = 1;
    private static final int FIXED_BYTES = 1 + 4 + 4 + 4 + 1;

    private final PassphraseRootOfTrust.Cost cost;
    private final byte[] salt;

    private KdfParameters(PassphraseRootOfTrust.Cost cost, byte[] salt) {
        this.cost = cost;
        this.salt = salt.clone();
    }

    static KdfParameters withRandomSalt(PassphraseRootOfTrust.Cost cost) {
        byte[] salt = new byte[SALT_BYTES];
        AesGcm.random().nextBytes(salt);
        return new KdfParameters(cost, salt);
    }

    PassphraseRootOfTrust.Cost cost() {
        return cost;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] encode() {
        return ByteBuffer.allocate(FIXED_BYTES + salt.length)
                .put(VERSION)
                .putInt(cost.memoryKiB())
                .putInt(cost.iterations())
                .putInt(cost.parallelism())
                .put((byte) salt.length)
                .put(salt)
                .array();
    }

    /**
     * Decodes and checks stored parameters. The cost bounds of {@link PassphraseRootOfTrust.Cost} apply, so a
     * tampered data dir cannot make start-up allocate unbounded memory.
     */
    static KdfParameters decode(byte[] encoded) {
        if (encoded.length < FIXED_BYTES || encoded[0] != VERSION) {
            throw new StorageException("the stored passphrase parameters are malformed or from a newer Trent (version "
                    + (encoded.length == 0 ? "missing" : Integer.toString(encoded[0])) + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
        int memoryKiB = in.getInt();
        int iterations = in.getInt();
        int parallelism = in.getInt();
        int saltLength = Byte.toUnsignedInt(in.get());
        if (saltLength != SALT_BYTES || in.remaining() != saltLength) {
            throw new StorageException("the stored passphrase parameters are malformed (salt length)");
        }
        byte[] salt = new byte[saltLength];
        in.get(salt);
        PassphraseRootOfTrust.Cost cost;
        try {
            cost = new PassphraseRootOfTrust.Cost(memoryKiB, iterations, parallelism);
        } catch (IllegalArgumentException e) {
            throw new StorageException("the stored passphrase parameters are out of bounds: " + e.getMessage(), e);
        }
        return new KdfParameters(cost, salt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdfParameters
                && ((KdfParameters) o).cost.equals(cost)
                && Arrays.equals(((KdfParameters) o).salt, salt);
    }

    @Override
    public int hashCode() {
        return 31 * cost.hashCode() + Arrays.hashCode(salt);
    }
}
