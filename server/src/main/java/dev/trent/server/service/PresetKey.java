package dev.trent.server.service;

import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.lifecycle.KeyState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A key whose creator chose its id and, optionally, its material and settings (LocalStack's reserved CreateKey
 * tags, seed files). {@code materials} are encoded as ImportKeyMaterial takes them (raw bytes for symmetric and
 * HMAC keys, PKCS#8 for key pairs), oldest first: the last is current, the others are its rotation history; empty
 * means Trent generates the material. {@code state} is Enabled, Disabled or PendingDeletion (with
 * {@code pendingWindowInDays}); {@code rotationPeriodInDays} turns on automatic rotation, due at
 * {@code nextRotationDate} or one period from now when that is null.
 */
public record PresetKey(KeyId id, NewKey request, List<SecretBytes> materials, KeyState state,
                        Integer pendingWindowInDays, Integer rotationPeriodInDays, Instant nextRotationDate,
                        List<GrantService.NewGrant> grants) {

    public PresetKey {
        Objects.requireNonNull(id);
        Objects.requireNonNull(request);
        materials = List.copyOf(materials);
        state = state == null ? KeyState.Enabled : state;
        grants = List.copyOf(grants);
    }

    /** A key with a chosen id and perhaps material, and every other setting as CreateKey leaves it. */
    public static PresetKey of(KeyId id, NewKey request, List<SecretBytes> materials) {
        return new PresetKey(id, request, materials, KeyState.Enabled, null, null, null, List.of());
    }
}
