package dev.trent.storage;

/**
 * A random root key that lives only in this process's memory, for {@code --in-memory} runs. A store sealed with
 * it can never be opened again once the process ends, so {@link RootOfTrustProvider#open} always refuses.
 */
public final class EphemeralRootOfTrust implements RootOfTrust {

    private final RootKey key = RootKey.random();

    private EphemeralRootOfTrust() {}

    /** A provider whose {@code initialize()} makes a fresh random root each time. */
    public static RootOfTrustProvider provider() {
        return new RootOfTrustProvider() {
            @Override
            public RootOfTrust initialize() {
                return new EphemeralRootOfTrust();
            }

            @Override
            public RootOfTrust open(String storedKind, byte[] storedParameters) {
                RootKinds.requireStoredKind(RootKinds.EPHEMERAL, storedKind);
                throw new WrongRootOfTrustException("this data dir was sealed with an ephemeral in-memory key, which was "
                        + "lost when its process ended; its contents cannot be opened");
            }

            @Override
            public String toString() {
                return "EphemeralRootOfTrust.provider";
            }
        };
    }

    @Override
    public String kind() {
        return RootKinds.EPHEMERAL;
    }

    @Override
    public byte[] parameters() {
        return new byte[0];
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] aad) {
        return key.wrap(plaintext, aad);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] aad) {
        return key.unwrap(wrapped, aad, "this ephemeral key is not the one the keyring was wrapped with");
    }

    @Override
    public String toString() {
        return "EphemeralRootOfTrust[redacted]";
    }
}
