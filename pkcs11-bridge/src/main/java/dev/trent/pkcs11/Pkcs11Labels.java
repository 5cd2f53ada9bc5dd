package dev.trent.pkcs11;

import java.nio.charset.StandardCharsets;

/** The rules for token and key labels, checked before a token is touched so a typo gets a clear answer. */
public final class Pkcs11Labels {

    /** CK_TOKEN_INFO holds a token label in 32 bytes of UTF-8, padded with blanks. */
    public static final int MAX_TOKEN_LABEL_BYTES = 32;
    /** PKCS#11 sets no limit on CKA_LABEL; this one keeps labels readable in messages. */
    public static final int MAX_KEY_LABEL_CHARS = 128;

    private Pkcs11Labels() {
    }

    /** @throws IllegalArgumentException unless {@code label} can be the label of a PKCS#11 token */
    public static String requireTokenLabel(String label) {
        requireReadable("token", label);
        int bytes = label.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TOKEN_LABEL_BYTES) {
            throw new IllegalArgumentException("a PKCS#11 token label is at most " + MAX_TOKEN_LABEL_BYTES
                    + " bytes of UTF-8, '" + label + "' is " + bytes);
        }
        return label;
    }

    /** @throws IllegalArgumentException unless {@code label} is a label Trent gives or looks up for a token key */
    public static String requireKeyLabel(String label) {
        requireReadable("key", label);
        if (label.length() > MAX_KEY_LABEL_CHARS) {
            throw new IllegalArgumentException("a key label is at most " + MAX_KEY_LABEL_CHARS + " characters");
        }
        return label;
    }

    private static void requireReadable(String what, String label) {
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("a " + what + " label must not be empty");
        }
        if (!label.equals(label.strip())) {
            // Token labels are blank-padded, so a trailing blank could never be told apart from the padding.
            throw new IllegalArgumentException("a " + what + " label must not start or end with a blank: '" + label + "'");
        }
        if (label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a " + what + " label must not contain control characters");
        }
    }
}
