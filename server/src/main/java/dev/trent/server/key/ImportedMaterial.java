package dev.trent.server.key;

import java.time.Instant;
import java.util.Objects;

/**
 * What a key with imported material remembers about it: the version it was given, whose KeyMaterialId lets a
 * later re-import prove it brings the same material (also after the material was deleted or expired), and the
 * expiry terms of the latest import.
 */
public record ImportedMaterial(MaterialVersion version, ExpirationModel expirationModel, Instant validTo) {

    public ImportedMaterial {
        Objects.requireNonNull(version);
        Objects.requireNonNull(expirationModel);
        if ((expirationModel == ExpirationModel.KEY_MATERIAL_EXPIRES) != (validTo != null)) {
            throw new IllegalArgumentException("a validTo date exists exactly when the material expires");
        }
    }

    /** True when the material's validity has ended at {@code now}. */
    public boolean expiredAt(Instant now) {
        return validTo != null && !validTo.isAfter(now);
    }
}
