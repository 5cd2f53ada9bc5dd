package dev.trent.storage;

/**
 * The kinds of root of trust, as stored beside a wrapped keyring, and the operator-facing words for them. Public
 * so roots of trust made outside this module (a key in a PKCS#11 token) name and check their kind the same way.
 */
public final class RootKinds {

    public static final String KEY_FILE = "key-file";
    public static final String PASSPHRASE = "passphrase";
    public static final String EPHEMERAL = "ephemeral";
    /** A key held inside a PKCS#11 token; implemented in the pkcs11-bridge module, so storage needs no PKCS#11. */
    public static final String PKCS11 = "pkcs11";

    private RootKinds() {}

    /**
     * Throws unless the store was sealed with the kind the operator started Trent with.
     *
     * @throws WrongRootOfTrustException naming both kinds
     */
    public static void requireStoredKind(String expected, String stored) {
        if (!expected.equals(stored)) {
            throw new WrongRootOfTrustException("this data dir was sealed with " + describe(stored)
                    + ", but Trent was started with " + describe(expected) + "; start it with the same kind of root of trust");
        }
    }

    /** How an operator would name a root of this kind: "a key file", "a passphrase", ... */
    public static String describe(String kind) {
        switch (kind) {
            case KEY_FILE:
                return "a key file";
            case PASSPHRASE:
                return "a passphrase";
            case EPHEMERAL:
                return "an ephemeral in-memory key";
            case PKCS11:
                return "a key in a PKCS#11 token";
            default:
                return "an unknown kind of root of trust ('" + kind + "')";
        }
    }
}
