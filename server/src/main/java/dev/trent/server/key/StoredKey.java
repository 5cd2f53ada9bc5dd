package dev.trent.server.key;

import java.util.Map;
import java.util.Optional;

/** A key's metadata together with its usable material, by version number. */
public record StoredKey(KmsKey metadata, Map<Integer, KeyMaterial> materials) {

    public StoredKey {
        materials = Map.copyOf(materials);
    }

    public KeyMaterial currentMaterial() {
        return materials.get(metadata.currentMaterial().number());
    }

    public Optional<KeyMaterial> material(int version) {
        return Optional.ofNullable(materials.get(version));
    }

    public StoredKey with(KmsKey newMetadata) {
        return new StoredKey(newMetadata, materials);
    }
}
