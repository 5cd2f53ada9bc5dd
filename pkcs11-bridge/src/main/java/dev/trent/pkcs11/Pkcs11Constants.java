package dev.trent.pkcs11;

/**
 * The few PKCS#11 numbers Trent passes to the JDK's wrapper, with the values fixed by the PKCS#11 Cryptographic
 * Token Interface Base Specification (v2.40, header {@code pkcs11t.h}). The JDK has them too, but in a package
 * that is not exported.
 */
final class Pkcs11Constants {

    // Object attributes (CKA_*).
    static final long CKA_CLASS = 0x0000L;
    static final long CKA_TOKEN = 0x0001L;
    static final long CKA_LABEL = 0x0003L;
    static final long CKA_VALUE = 0x0011L;
    static final long CKA_KEY_TYPE = 0x0100L;
    static final long CKA_SENSITIVE = 0x0103L;
    static final long CKA_VALUE_LEN = 0x0161L;
    static final long CKA_EXTRACTABLE = 0x0162L;
    static final long CKA_NEVER_EXTRACTABLE = 0x0164L;
    static final long CKA_ALWAYS_SENSITIVE = 0x0165L;

    static final long CKO_SECRET_KEY = 0x0004L;
    static final long CKK_AES = 0x001FL;

    // Session and initialisation flags.
    static final long CKF_SERIAL_SESSION = 0x0004L;
    static final long CKF_OS_LOCKING_OK = 0x0002L;

    // Return values (CKR_*) Trent tells apart.
    static final long CKR_ATTRIBUTE_SENSITIVE = 0x0011L;
    static final long CKR_PIN_INCORRECT = 0x00A0L;

    private Pkcs11Constants() {
    }
}
