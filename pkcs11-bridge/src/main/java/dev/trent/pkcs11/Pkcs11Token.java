package dev.trent.pkcs11;

import dev.trent.pkcs11.Pkcs11Exception.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.login.LoginException;

/**
 * A PKCS#11 token, chosen by its label and logged in with the user PIN, holding AES-256 keys that never leave
 * it: each key is made on the token as sensitive and non-extractable and stored there under a label, and all
 * encryption with it runs inside the token ({@link TokenKey}).
 *
 * <p>Tokens are chosen by label because that is what an operator sets and sees; slot ids are not stable
 * (SoftHSM2, for one, renumbers its slots). A PKCS#11 login belongs to the whole process, not to one handle, so a
 * process may hold only one open {@code Pkcs11Token} per token: a second would log in without the PIN being
 * checked, and closing either would log both out. Thread-safe.
 */
public final class Pkcs11Token implements AutoCloseable {

    private static final int AES_256_BITS = 256;
    private static final Set<String> OPEN_TOKENS = ConcurrentHashMap.newKeySet();

    private final String library;
    private final String label;
    private final long slot;
    private final Cryptoki cryptoki;
    private final Provider provider;
    private final KeyStore keyStore;
    private final SecureRandom random;
    private final String openKey;
    private volatile boolean closed;

    private Pkcs11Token(String library, String label, long slot, Cryptoki cryptoki, Provider provider,
                        KeyStore keyStore, SecureRandom random, String openKey) {
        this.library = library;
        this.label = label;
        this.slot = slot;
        this.cryptoki = cryptoki;
        this.provider = provider;
        this.keyStore = keyStore;
        this.random = random;
        this.openKey = openKey;
    }

    /**
     * Loads {@code library}, finds the one token labelled {@code tokenLabel} and logs in to it with {@code pin}
     * (which the caller may clear once this returns).
     *
     * @throws Pkcs11Exception if the library, the token or the login fails; its reason says which
     * @throws IllegalArgumentException if {@code tokenLabel} cannot be a token label
     */
    public static Pkcs11Token open(Path library, String tokenLabel, char[] pin) {
        Objects.requireNonNull(pin, "pin");
        Pkcs11Labels.requireTokenLabel(tokenLabel);
        String libraryPath = requireLibrary(library);
        Cryptoki cryptoki = Cryptoki.load(libraryPath);
        long slot = slotOf(cryptoki, libraryPath, tokenLabel);

        // Two paths to one library file load one library, whose login is shared, so the file decides.
        String openKey = realPath(library) + '\0' + tokenLabel;
        if (!OPEN_TOKENS.add(openKey)) {
            throw new Pkcs11Exception(Reason.TOKEN_ALREADY_OPEN, "PKCS#11 token '" + tokenLabel + "' is already open"
                    + " in this process");
        }
        try {
            Provider provider = SunPkcs11Providers.forSlot(libraryPath, slot);
            KeyStore keyStore = login(provider, tokenLabel, pin);
            return new Pkcs11Token(libraryPath, tokenLabel, slot, cryptoki, provider, keyStore,
                    tokenRandom(provider, tokenLabel), openKey);
        } catch (RuntimeException e) {
            OPEN_TOKENS.remove(openKey);
            throw e;
        }
    }

    /** The token's label. */
    public String label() {
        return label;
    }

    /** The PKCS#11 library the token was opened through, as an absolute path. */
    public Path library() {
        return Path.of(library);
    }

    /** True if the token holds a secret key labelled {@code keyLabel}, whatever its attributes. */
    public boolean hasKey(String keyLabel) {
        ensureOpen();
        return !keyAttributeValues(keyLabel).isEmpty();
    }

    /**
     * The key labelled {@code keyLabel}, if the token has one.
     *
     * @throws Pkcs11Exception with {@link Reason#KEY_UNSUITABLE} if that key is not a sensitive, non-extractable
     *     AES-256 key on the token, or the label is not unique
     */
    public synchronized Optional<TokenKey> findKey(String keyLabel) {
        ensureOpen();
        Pkcs11Labels.requireKeyLabel(keyLabel);
        List<Object[]> found = keyAttributeValues(keyLabel);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            throw new Pkcs11Exception(Reason.KEY_UNSUITABLE, "PKCS#11 token '" + label + "' has " + found.size()
                    + " secret keys labelled '" + keyLabel + "'; Trent needs exactly one");
        }
        KeyAttributes attributes = toAttributes(found.get(0));
        if (!attributes.isNonExtractableAes256()) {
            throw new Pkcs11Exception(Reason.KEY_UNSUITABLE, "the key '" + keyLabel + "' in PKCS#11 token '" + label
                    + "' is not a sensitive, non-extractable AES-256 key stored on the token (" + attributes + ")");
        }
        try {
            // The key store's list of labels is a snapshot taken at load; reloading picks up changes made since.
            keyStore.load(null, null);
            SecretKey key = (SecretKey) keyStore.getKey(keyLabel, null);
            if (key == null) {
                throw new Pkcs11Exception(Reason.TOKEN_FAILURE, "SunPKCS11 does not see the key '" + keyLabel
                        + "' that PKCS#11 token '" + label + "' reports");
            }
            return Optional.of(new TokenKey(this, keyLabel, key));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw failure("cannot load the key '" + keyLabel + "'", e);
        }
    }

    /**
     * Makes a new AES-256 key on the token under {@code keyLabel}: generated inside the token as sensitive and
     * non-extractable, so its value never exists outside it.
     *
     * @throws Pkcs11Exception with {@link Reason#KEY_EXISTS} if a secret key with that label exists already
     */
    public synchronized TokenKey createKey(String keyLabel) {
        ensureOpen();
        Pkcs11Labels.requireKeyLabel(keyLabel);
        if (hasKey(keyLabel)) {
            throw new Pkcs11Exception(Reason.KEY_EXISTS, "PKCS#11 token '" + label + "' already has a key labelled '"
                    + keyLabel + "'");
        }
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(AES_256_BITS, random);
            // SunPKCS11 generates a session key (with the attributes its configuration sets) and storing it copies it
            // into a labelled token object; generating a token object directly would leave it without a label.
            SecretKey sessionKey = generator.generateKey();
            keyStore.setEntry(keyLabel, new KeyStore.SecretKeyEntry(sessionKey), null);
        } catch (GeneralSecurityException e) {
            throw failure("cannot create the key '" + keyLabel + "'", e);
        }
        return findKey(keyLabel).orElseThrow(() -> new Pkcs11Exception(Reason.TOKEN_FAILURE, "PKCS#11 token '"
                + label + "' does not show the key '" + keyLabel + "' it was just asked to store"));
    }

    /**
     * Destroys the secret key labelled {@code keyLabel}. Whatever it encrypted can never be decrypted again.
     *
     * @return false if the token has no such key
     */
    public synchronized boolean deleteKey(String keyLabel) {
        ensureOpen();
        Pkcs11Labels.requireKeyLabel(keyLabel);
        try {
            keyStore.load(null, null);
            if (!keyStore.entryInstanceOf(keyLabel, KeyStore.SecretKeyEntry.class)) {
                return false;
            }
            keyStore.deleteEntry(keyLabel);
            return true;
        } catch (IOException | GeneralSecurityException e) {
            throw failure("cannot delete the key '" + keyLabel + "'", e);
        }
    }

    /**
     * The attributes of the key labelled {@code keyLabel}, read from the token now.
     *
     * @throws Pkcs11Exception with {@link Reason#KEY_NOT_FOUND} if there is no such key
     */
    public KeyAttributes keyAttributes(String keyLabel) {
        ensureOpen();
        List<Object[]> found = keyAttributeValues(keyLabel);
        if (found.isEmpty()) {
            throw new Pkcs11Exception(Reason.KEY_NOT_FOUND, "PKCS#11 token '" + label + "' has no key labelled '"
                    + keyLabel + "'");
        }
        return toAttributes(found.get(0));
    }

    /** {@code count} bytes from the token's random number generator. */
    public byte[] randomBytes(int count) {
        ensureOpen();
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Logs out of the token and closes its sessions; keys from it stop working. Idempotent, never throws. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            ((AuthProvider) provider).logout();
        } catch (LoginException | RuntimeException e) {
            // Nothing more can be done here; the token forgets the login when the process ends.
        } finally {
            OPEN_TOKENS.remove(openKey);
        }
    }

    @Override
    public String toString() {
        return "Pkcs11Token['" + label + "' via " + library + (closed ? ", closed" : "") + "]";
    }

    Provider provider() {
        return provider;
    }

    long slot() {
        return slot;
    }

    Cryptoki cryptoki() {
        return cryptoki;
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("PKCS#11 token '" + label + "' is closed");
        }
    }

    private List<Object[]> keyAttributeValues(String keyLabel) {
        return cryptoki.secretKeyAttributes(slot, keyLabel, Pkcs11Constants.CKA_TOKEN, Pkcs11Constants.CKA_SENSITIVE,
                Pkcs11Constants.CKA_EXTRACTABLE, Pkcs11Constants.CKA_ALWAYS_SENSITIVE,
                Pkcs11Constants.CKA_NEVER_EXTRACTABLE, Pkcs11Constants.CKA_KEY_TYPE, Pkcs11Constants.CKA_VALUE_LEN);
    }

    private static KeyAttributes toAttributes(Object[] values) {
        return new KeyAttributes(isTrue(values[0]), isTrue(values[1]), isTrue(values[2]), isTrue(values[3]),
                isTrue(values[4]), Long.valueOf(Pkcs11Constants.CKK_AES).equals(values[5]),
                values[6] instanceof Long ? (Long) values[6] : -1);
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static String requireLibrary(Path library) {
        Objects.requireNonNull(library, "library");
        String path = library.toAbsolutePath().normalize().toString();
        SunPkcs11Providers.requireConfigurable(path);
        if (!Files.exists(library)) {
            throw new Pkcs11Exception(Reason.LIBRARY_NOT_FOUND, "PKCS#11 library " + path + " not found");
        }
        if (!Files.isRegularFile(library)) {
            throw new Pkcs11Exception(Reason.NOT_A_PKCS11_LIBRARY, "PKCS#11 library " + path + " is not a file");
        }
        return path;
    }

    private static String realPath(Path library) {
        try {
            return library.toRealPath().toString();
        } catch (IOException e) {
            throw new Pkcs11Exception(Reason.LIBRARY_NOT_FOUND, "cannot resolve the PKCS#11 library path " + library
                    + ": " + e.getMessage(), e);
        }
    }

    private static long slotOf(Cryptoki cryptoki, String library, String tokenLabel) {
        Map<Long, String> labels = cryptoki.tokenLabels();
        List<Long> matching = labels.entrySet().stream()
                .filter(slot -> slot.getValue().equals(tokenLabel))
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.size() > 1) {
            throw new Pkcs11Exception(Reason.TOKEN_NOT_FOUND, matching.size() + " tokens in PKCS#11 library " + library
                    + " are labelled '" + tokenLabel + "'; give each token its own label");
        }
        String present = labels.values().stream()
                .filter(other -> !other.isEmpty())
                .map(other -> "'" + other + "'")
                .collect(Collectors.joining(", "));
        throw new Pkcs11Exception(Reason.TOKEN_NOT_FOUND, "no token labelled '" + tokenLabel + "' in PKCS#11 library "
                + library + (present.isEmpty() ? " (it has no initialised token)" : " (its tokens: " + present + ")"));
    }

    private static KeyStore login(Provider provider, String tokenLabel, char[] pin) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            OptionalLong code = Cryptoki.errorCode(e);
            if (code.isPresent() && code.getAsLong() == Pkcs11Constants.CKR_PIN_INCORRECT) {
                throw new Pkcs11Exception(Reason.WRONG_PIN, "wrong PIN for PKCS#11 token '" + tokenLabel
                        + "' (CKR_PIN_INCORRECT)", e);
            }
            throw new Pkcs11Exception(Reason.LOGIN_FAILED, "cannot log in to PKCS#11 token '" + tokenLabel + "': "
                    + Cryptoki.describe(e), e);
        }
    }

    private static SecureRandom tokenRandom(Provider provider, String tokenLabel) {
        try {
            return SecureRandom.getInstance("PKCS11", provider);
        } catch (GeneralSecurityException e) {
            logoutQuietly(provider);
            throw new Pkcs11Exception(Reason.TOKEN_FAILURE, "PKCS#11 token '" + tokenLabel + "' has no random number "
                    + "generator", e);
        }
    }

    private static void logoutQuietly(Provider provider) {
        try {
            ((AuthProvider) provider).logout();
        } catch (LoginException | RuntimeException ignored) {
            // Already failing; the login ends with the process at the latest.
        }
    }

    private Pkcs11Exception failure(String what, Exception cause) {
        return new Pkcs11Exception(Reason.TOKEN_FAILURE, what + " in PKCS#11 token '" + label + "': "
                + Cryptoki.describe(cause), cause);
    }
}
