package dev.trent.server.key;

import java.util.Map;
import java.util.Optional;

/**
 * A key's metadata together with the material it holds, by version number; that includes imported material
 * pending rotation, which is held but used for nothing until the rotation.
 */
public record StoredKey(KmsKey metadata, Map<Integer, KeyMaterial> materials) {

    public StoredKey {
        materials = Map.copyOf(materials);
    }

    public KeyMaterial currentMaterial() {
        return materials.get(metadata.currentMaterial().number());
    }

    /** The material of a version the key uses (current or older); never material pending rotation. */
    public Optional<KeyMaterial> material(int version) {
        boolean used = metadata.materials().stream().anyMatch(v -> v.number() == version);
        return used ? Optional.ofNullable(materials.get(version)) : Optional.empty();
    }

    public StoredKey with(KmsKey newMetadata) {
        return new StoredKey(newMetadata, materials);
    }
}
