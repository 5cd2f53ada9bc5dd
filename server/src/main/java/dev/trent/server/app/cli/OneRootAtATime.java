package dev.trent.server.app.cli;

import dev.trent.storage.RootOfTrust;
import dev.trent.storage.RootOfTrustProvider;
import dev.trent.storage.StorageException;
import java.util.function.Supplier;

/**
 * A provider for a kind of root of which a process can hold only one at a time: a PKCS#11 token allows one login
 * per process, and its provider makes a single root. {@code Storage.rekey} asks the new root's provider more than
 * once (to make the root, then to rebuild it from what is stored, as a later start would), so each request here
 * closes the provider that made the previous root and asks a fresh one. A root must not be used once the next
 * has been asked for.
 */
final class OneRootAtATime implements RootOfTrustProvider, AutoCloseable {

    private final Supplier<RootOfTrustProvider> providers;
    private RootOfTrustProvider current;
    private boolean currentUsed;

    /** Makes the first provider at once, so a missing secret is reported before any data dir is touched. */
    OneRootAtATime(Supplier<RootOfTrustProvider> providers) {
        this.providers = providers;
        this.current = providers.get();
    }

    @Override
    public synchronized RootOfTrust initialize() {
        return unused().initialize();
    }

    @Override
    public synchronized RootOfTrust open(String storedKind, byte[] storedParameters) {
        return unused().open(storedKind, storedParameters);
    }

    /** Closes the provider of the latest root (for a token: logs out). */
    @Override
    public synchronized void close() {
        closeProvider(current);
    }

    @Override
    public String toString() {
        return "OneRootAtATime[" + current + "]";
    }

    private RootOfTrustProvider unused() {
        if (currentUsed) {
            closeProvider(current);
            current = providers.get();
        }
        currentUsed = true;
        return current;
    }

    private static void closeProvider(RootOfTrustProvider provider) {
        if (provider instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new StorageException("cannot release the root of trust " + provider + ": " + e.getMessage(), e);
            }
        }
    }
}
