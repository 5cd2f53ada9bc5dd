package dev.trent.pkcs11;

import dev.trent.pkcs11.Pkcs11Exception.Reason;
import dev.trent.storage.RootKinds;
import dev.trent.storage.RootOfTrust;
import dev.trent.storage.RootOfTrustProvider;
import dev.trent.storage.StorageException;
import dev.trent.storage.WrongRootOfTrustException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Opens the token and finds (or, for a new store only, creates) the root key; see
 * {@link Pkcs11RootOfTrust#provider}. Makes at most one root, which stays logged in to the token until
 * {@link #close()}. Every failure is a {@link StorageException} whose message is the operator-facing line of the
 * {@link Pkcs11Exception} that caused it.
 */
public final class Pkcs11RootOfTrustProvider implements RootOfTrustProvider, AutoCloseable {

    /** Failures that mean the token or key given cannot be the one an existing store was sealed with. */
    private static final Set<Reason> WRONG_ROOT = EnumSet.of(Reason.TOKEN_NOT_FOUND, Reason.WRONG_PIN,
            Reason.LOGIN_FAILED, Reason.KEY_NOT_FOUND, Reason.KEY_UNSUITABLE);

    private final Path library;
    private final String tokenLabel;
    private final char[] pin;
    private final String keyLabel;
    private Pkcs11RootOfTrust root;
    private boolean createdKey;
    private boolean closed;

    Pkcs11RootOfTrustProvider(Path library, String tokenLabel, char[] pin, String keyLabel) {
        this.library = Objects.requireNonNull(library, "library");
        this.tokenLabel = Pkcs11Labels.requireTokenLabel(tokenLabel);
        this.pin = Objects.requireNonNull(pin, "pin").clone();
        this.keyLabel = Pkcs11Labels.requireKeyLabel(keyLabel);
    }

    /**
     * A new store: uses the key labelled as configured if the token has one (several stores may share a token
     * key), and otherwise creates it.
     */
    @Override
    public synchronized RootOfTrust initialize() {
        Pkcs11Token token = openToken(false);
        try {
            TokenKey key = token.findKey(keyLabel).orElse(null);
            if (key == null) {
                key = token.createKey(keyLabel);
                createdKey = true;
            }
            root = new Pkcs11RootOfTrust(token, key);
            return root;
        } catch (Pkcs11Exception e) {
            token.close();
            throw translate(e, false);
        } catch (RuntimeException e) {
            token.close();
            throw e;
        }
    }

    /**
     * An existing store: the key must already be in the token. It is never created here, because a new key could
     * never open the keyring the store holds.
     */
    @Override
    public synchronized RootOfTrust open(String storedKind, byte[] storedParameters) {
        RootKinds.requireStoredKind(RootKinds.PKCS11, storedKind);
        RootParameters stored = RootParameters.decode(storedParameters);
        if (!stored.tokenLabel().equals(tokenLabel) || !stored.keyLabel().equals(keyLabel)) {
            throw new WrongRootOfTrustException("this data dir was sealed with the key '" + stored.keyLabel()
                    + "' in PKCS#11 token '" + stored.tokenLabel() + "', but Trent was started with the key '" + keyLabel
                    + "' in token '" + tokenLabel + "'; start it with the token and key the data dir was sealed with");
        }
        Pkcs11Token token = openToken(true);
        try {
            TokenKey key = token.findKey(keyLabel).orElseThrow(() -> new Pkcs11Exception(Reason.KEY_NOT_FOUND,
                    "PKCS#11 token '" + tokenLabel + "' has no key labelled '" + keyLabel + "', but this data dir's "
                            + "keyring is wrapped by that key; restore the key to the token (Trent never creates a key"
                            + " for an existing data dir: a new key could not open it)"));
            root = new Pkcs11RootOfTrust(token, key);
            return root;
        } catch (Pkcs11Exception e) {
            token.close();
            throw translate(e, true);
        } catch (RuntimeException e) {
            token.close();
            throw e;
        }
    }

    /** True once {@link #initialize()} has created the root key in the token (rather than found it there). */
    public synchronized boolean createdKey() {
        return createdKey;
    }

    /** Logs out of the token if a root was made, and forgets the PIN. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Arrays.fill(pin, '\0');
        if (root != null) {
            root.close();
        }
    }

    @Override
    public String toString() {
        return "Pkcs11RootOfTrust.provider[key '" + keyLabel + "' in token '" + tokenLabel + "' via " + library + "]";
    }

    private Pkcs11Token openToken(boolean existingStore) {
        if (closed) {
            throw new IllegalStateException("this provider is closed");
        }
        if (root != null) {
            throw new IllegalStateException("this provider has made its root of trust already");
        }
        try {
            return Pkcs11Token.open(library, tokenLabel, pin);
        } catch (Pkcs11Exception e) {
            throw translate(e, existingStore);
        }
    }

    private static StorageException translate(Pkcs11Exception e, boolean existingStore) {
        return existingStore && WRONG_ROOT.contains(e.reason())
                ? new WrongRootOfTrustException(e.getMessage(), e)
                : new StorageException(e.getMessage(), e);
    }
}
