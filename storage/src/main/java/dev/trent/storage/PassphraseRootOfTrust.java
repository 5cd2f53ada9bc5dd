package dev.trent.storage;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A root of trust derived from an operator's passphrase with Argon2id (RFC 9106), a memory-hard KDF, so a stolen
 * data dir resists offline guessing. A random 16-byte salt and the costs are stored beside the wrapped keyring
 * as {@link #parameters()}; later starts always use the stored values, whatever cost the provider was built with.
 */
public final class PassphraseRootOfTrust implements RootOfTrust {

    /**
     * Argon2id costs. {@link #DEFAULT} follows RFC 9106's second recommended option (64 MiB, 3 passes, 1 lane);
     * lower costs exist for tests only.
     */
    public record Cost(int memoryKiB, int iterations, int parallelism) {

        public static final Cost DEFAULT = new Cost(64 * 1024, 3, 1);

        /** Upper bounds: stored parameters above these are refused rather than allowed to exhaust memory or time. */
        public static final int MAX_MEMORY_KIB = 1024 * 1024;
        public static final int MAX_ITERATIONS = 64;
        public static final int MAX_PARALLELISM = 16;

        /** @throws IllegalArgumentException outside Argon2's minimums or Trent's upper bounds */
        public Cost {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM + ", was " + parallelism);
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ", was " + iterations);
            }
            if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB
                        + " KiB, was " + memoryKiB);
            }
        }
    }

    private final KdfParameters kdfParameters;
    private final RootKey key;

    private PassphraseRootOfTrust(KdfParameters kdfParameters, RootKey key) {
        this.kdfParameters = kdfParameters;
        this.key = key;
    }

    /** A provider with the {@link Cost#DEFAULT default} cost for new stores. */
    public static RootOfTrustProvider provider(char[] passphrase) {
        return provider(passphrase, Cost.DEFAULT);
    }

    /**
     * A provider that seals new stores with {@code costForNewStores}; existing stores open with their stored cost.
     * The passphrase is copied, so the caller may clear its array once this returns.
     *
     * @throws IllegalArgumentException if the passphrase is empty
     */
    public static RootOfTrustProvider provider(char[] passphrase, Cost costForNewStores) {
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(costForNewStores, "costForNewStores");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty; a root of trust needs a non-empty passphrase");
        }
        char[] copy = passphrase.clone();
        return new RootOfTrustProvider() {
            @Override
            public RootOfTrust initialize() {
                return derive(copy, KdfParameters.withRandomSalt(costForNewStores));
            }

            @Override
            public RootOfTrust open(String storedKind, byte[] storedParameters) {
                RootKinds.requireStoredKind(RootKinds.PASSPHRASE, storedKind);
                return derive(copy, KdfParameters.decode(storedParameters));
            }

            @Override
            public String toString() {
                return "PassphraseRootOfTrust.provider[redacted]";
            }
        };
    }

    @Override
    public String kind() {
        return RootKinds.PASSPHRASE;
    }

    /** The encoded Argon2id version, salt and costs (see {@link KdfParameters}). */
    @Override
    public byte[] parameters() {
        return kdfParameters.encode();
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] aad) {
        return key.wrap(plaintext, aad);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] aad) {
        return key.unwrap(wrapped, aad, "the passphrase does not open this data dir's keyring: it is not the "
                + "passphrase the data dir was sealed with (or the stored keyring is damaged)");
    }

    @Override
    public String toString() {
        return "PassphraseRootOfTrust[" + kdfParameters.cost() + "]";
    }

    private static PassphraseRootOfTrust derive(char[] passphrase, KdfParameters kdf) {
        Cost cost = kdf.cost();
        Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(kdf.salt())
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .build();
        byte[] derived = new byte[AesGcm.KEY_BYTES];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(argon2);
            generator.generateBytes(passphrase, derived);
            return new PassphraseRootOfTrust(kdf, new RootKey(derived));
        } finally {
            Arrays.fill(derived, (byte) 0);
            argon2.clear();
        }
    }
}
