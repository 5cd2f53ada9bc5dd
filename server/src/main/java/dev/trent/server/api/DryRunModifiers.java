package dev.trent.server.api;

import dev.trent.server.error.ValidationException;
import java.util.List;

/** The DryRunModifiers member of Decrypt and ReEncrypt; IGNORE_CIPHERTEXT is its only value. */
public final class DryRunModifiers {

    private enum Modifier { IGNORE_CIPHERTEXT }

    private DryRunModifiers() {
    }

    /**
     * True when the request asks for a dry run that skips the ciphertext, which makes CiphertextBlob optional;
     * read ahead of the members, whose violations are reported in the model's order.
     */
    public static boolean ignoreCiphertext(JsonRequest request) {
        return request.bool("DryRun") && request.peekTexts("DryRunModifiers").contains(Modifier.IGNORE_CIPHERTEXT.name());
    }

    /** Reads DryRunModifiers in its place among the members: an unknown value is a violation. */
    public static void read(JsonRequest request) {
        request.enumList("DryRunModifiers", Modifier.class, List.of(Modifier.IGNORE_CIPHERTEXT.name()));
    }

    /** The key a ciphertext-less dry run checks; {@code member} names it. */
    public static String requireKey(String keyId, String member) {
        if (keyId == null) {
            throw new ValidationException(member + " is required when DryRunModifiers contains IGNORE_CIPHERTEXT.");
        }
        return keyId;
    }
}
