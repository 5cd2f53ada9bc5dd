package dev.trent.storage;

/** The kinds of root of trust and the operator-facing words for them. */
final class RootKinds {

    static final String KEY_FILE = "key-file";
    static final String PASSPHRASE = "passphrase";
    static final String EPHEMERAL = "ephemeral";

    private RootKinds() {}

    /** Throws unless the store was sealed with the kind the operator started Trent with. */
    static void requireStoredKind(String expected, String stored) {
        if (!expected.equals(stored)) {
            throw new WrongRootOfTrustException("this data dir was sealed with " + describe(stored)
                    + ", but Trent was started with " + describe(expected) + "; start it with the same kind of root of trust");
        }
    }

    static String describe(String kind) {
        switch (kind) {
            case KEY_FILE:
                return "a key file";
            case PASSPHRASE:
                return "a passphrase";
            case EPHEMERAL:
                return "an ephemeral in-memory key";
            default:
                return "an unknown kind of root of trust ('" + kind + "')";
        }
    }
}
