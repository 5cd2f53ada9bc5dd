package dev.trent.server.key;

import java.time.Instant;
import java.util.Objects;

/**
 * What a key with imported material remembers about one material it was given: the version (whose KeyMaterialId
 * lets a later re-import prove it brings the same material, also after the material was deleted or expired), the
 * expiry terms and description of its latest import, and whether it only waits for an on-demand rotation
 * (PENDING_ROTATION: not yet permanently associated with the key, AWS's ListKeyRotations says).
 */
public record ImportedMaterial(MaterialVersion version, ExpirationModel expirationModel, Instant validTo,
                               String description, boolean pendingRotation) {

    /** AWS KeyMaterialDescriptionType: up to 256 characters of this set. */
    private static final String DESCRIPTION = "[a-zA-Z0-9:/_\\s.-]{0,256}";

    public ImportedMaterial {
        Objects.requireNonNull(version);
        Objects.requireNonNull(expirationModel);
        if ((expirationModel == ExpirationModel.KEY_MATERIAL_EXPIRES) != (validTo != null)) {
            throw new IllegalArgumentException("a validTo date exists exactly when the material expires");
        }
        if (description != null && !description.matches(DESCRIPTION)) {
            throw new IllegalArgumentException("not a KeyMaterialDescription");
        }
    }

    /** The first or a re-imported material, permanently associated with its key, without a description. */
    public ImportedMaterial(MaterialVersion version, ExpirationModel expirationModel, Instant validTo) {
        this(version, expirationModel, validTo, null, false);
    }

    /** True when the material's validity has ended at {@code now}. */
    public boolean expiredAt(Instant now) {
        return validTo != null && !validTo.isAfter(now);
    }

    /** The same material imported again with new terms; a missing description keeps the one it had (AWS). */
    public ImportedMaterial reimported(ExpirationModel newModel, Instant newValidTo, String newDescription) {
        return new ImportedMaterial(version, newModel, newValidTo,
                newDescription != null ? newDescription : description, pendingRotation);
    }

    /** This material made current by an on-demand rotation, as {@code rotated} (its version dated then). */
    public ImportedMaterial rotatedAs(MaterialVersion rotated) {
        if (!pendingRotation || rotated.number() != version.number()) {
            throw new IllegalStateException("only the material pending rotation can be rotated to");
        }
        return new ImportedMaterial(rotated, expirationModel, validTo, description, false);
    }
}
