package dev.trent.storage;

/** Makes or re-opens the {@link RootOfTrust} of a store; chosen by the operator at start-up. */
public interface RootOfTrustProvider {

    /** First start of an empty store: make the root and its parameters. */
    RootOfTrust initialize();

    /**
     * A later start: rebuild the root the store was sealed with from what was stored beside the keyring.
     *
     * @throws WrongRootOfTrustException if {@code storedKind} is not this provider's kind, or the root cannot be
     *     rebuilt (for example a missing key file)
     */
    RootOfTrust open(String storedKind, byte[] storedParameters);
}
