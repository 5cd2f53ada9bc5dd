package dev.trent.server.key;

import java.time.Instant;

/**
 * One version of a key's material, as metadata: its number (carried in every ciphertext it makes), its
 * KeyMaterialId (64 hex digits, as AWS reports it), when it was made, and for versions made by rotation how
 * the rotation was triggered (null for a key's first material and for imported material).
 */
public record MaterialVersion(int number, String materialId, Instant created, RotationType rotationType) {

    public MaterialVersion {
        if (number < 1) {
            throw new IllegalArgumentException("material versions start at 1");
        }
        if (!materialId.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a KeyMaterialId is 64 hex digits");
        }
    }

    /** A version not made by rotation. */
    public MaterialVersion(int number, String materialId, Instant created) {
        this(number, materialId, created, null);
    }
}
