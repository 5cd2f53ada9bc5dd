package dev.trent.server.app;

import dev.trent.pkcs11.Pkcs11RootOfTrust;
import dev.trent.pkcs11.Pkcs11RootOfTrustProvider;
import dev.trent.storage.EphemeralRootOfTrust;
import dev.trent.storage.KeyFileRootOfTrust;
import dev.trent.storage.PassphraseRootOfTrust;
import dev.trent.storage.RootOfTrustProvider;

/**
 * The root of trust a configuration names, and what it holds while the server runs: a PKCS#11 root stays logged
 * in to its token until {@link #close()}, which the server calls after closing storage (or when start-up fails).
 */
final class RootOfTrustSource implements AutoCloseable {

    private final RootOfTrustProvider provider;
    private final AutoCloseable heldOpen;

    private RootOfTrustSource(RootOfTrustProvider provider, AutoCloseable heldOpen) {
        this.provider = provider;
        this.heldOpen = heldOpen;
    }

    static RootOfTrustSource of(TrentConfig config) {
        if (config.inMemory()) {
            return new RootOfTrustSource(EphemeralRootOfTrust.provider(), null);
        }
        switch (config.rootOfTrust()) {
            case PASSPHRASE:
                return new RootOfTrustSource(PassphraseRootOfTrust.provider(config.passphrase().orElseThrow()), null);
            case PKCS11:
                Pkcs11Root root = config.pkcs11Root().orElseThrow();
                Pkcs11RootOfTrustProvider pkcs11 = Pkcs11RootOfTrust.provider(root.library(), root.tokenLabel(),
                        config.pkcs11Pin().orElseThrow(), root.keyLabel());
                return new RootOfTrustSource(pkcs11, pkcs11);
            default:
                return new RootOfTrustSource(KeyFileRootOfTrust.provider(config.keyFile()), null);
        }
    }

    RootOfTrustProvider provider() {
        return provider;
    }

    /** Releases what the root holds; never throws, so shutdown always completes. */
    @Override
    public void close() {
        if (heldOpen == null) {
            return;
        }
        try {
            heldOpen.close();
        } catch (Exception ignored) {
            // A logout that fails changes nothing the process could still act on; the token ends it with the process.
        }
    }
}
