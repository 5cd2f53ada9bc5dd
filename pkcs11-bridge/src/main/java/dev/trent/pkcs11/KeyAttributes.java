package dev.trent.pkcs11;

/**
 * The attributes of a secret key object as its token reports them (see "Secret key objects" in the
 * PKCS#11 base specification). Read from the token each time, never from a Java-side copy.
 *
 * @param tokenObject CKA_TOKEN: the key is stored on the token, not only in a session
 * @param sensitive CKA_SENSITIVE: the token never reveals the key's value in the clear
 * @param extractable CKA_EXTRACTABLE: the token may wrap the key out; once false it can never become true
 * @param alwaysSensitive CKA_ALWAYS_SENSITIVE: the key has been sensitive since it was made
 * @param neverExtractable CKA_NEVER_EXTRACTABLE: the key has never been extractable
 * @param aes CKA_KEY_TYPE is CKK_AES
 * @param valueBytes CKA_VALUE_LEN: the key's length in bytes (32 for AES-256)
 */
public record KeyAttributes(boolean tokenObject, boolean sensitive, boolean extractable, boolean alwaysSensitive,
                            boolean neverExtractable, boolean aes, long valueBytes) {

    /** True for a key that can serve as a root of trust: AES-256, on the token, and unable to leave it in any form. */
    public boolean isNonExtractableAes256() {
        return tokenObject && sensitive && !extractable && aes && valueBytes == 32;
    }
}
