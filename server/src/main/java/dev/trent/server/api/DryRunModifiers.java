package dev.trent.server.api;

import dev.trent.server.error.ValidationException;
import java.util.List;

/** The DryRunModifiers member of Decrypt and ReEncrypt; IGNORE_CIPHERTEXT is its only value. */
public final class DryRunModifiers {

    private enum Modifier { IGNORE_CIPHERTEXT }

    private DryRunModifiers() {
    }

    /** True when the request asks for a dry run that skips the ciphertext. */
    public static boolean ignoreCiphertext(JsonRequest request, boolean dryRun) {
        List<String> modifiers = request.list("DryRunModifiers", Integer.MAX_VALUE, (node, path, r) -> r.elementText(node, path, 1, 64));
        for (String modifier : modifiers) {
            boolean known = false;
            for (Modifier m : Modifier.values()) {
                known |= m.name().equals(modifier);
            }
            if (!known) {
                throw new ValidationException("1 validation error detected: Value '[" + String.join(", ", modifiers)
                        + "]' at 'dryRunModifiers' failed to satisfy constraint: Member must satisfy constraint: "
                        + "[Member must satisfy enum value set: [IGNORE_CIPHERTEXT]]");
            }
        }
        return dryRun && modifiers.contains(Modifier.IGNORE_CIPHERTEXT.name());
    }

    /** The key a ciphertext-less dry run checks; {@code member} names it. */
    public static String requireKey(String keyId, String member) {
        if (keyId == null) {
            throw new ValidationException(member + " is required when DryRunModifiers contains IGNORE_CIPHERTEXT.");
        }
        return keyId;
    }
}
