package dev.trent.server.key;

import dev.trent.server.key.lifecycle.KeyEvent;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.KeyStateMachine;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A KMS key's metadata: everything DescribeKey reports, plus tags and the list of material versions. Immutable;
 * every change makes a new value, which the key service persists before it becomes visible. The material
 * itself lives in {@link KeyMaterial}, never here.
 */
public record KmsKey(
        Scope scope,
        KeyId id,
        String description,
        KeySpec spec,
        KeyUsage usage,
        Origin origin,
        KeyState state,
        Instant creationDate,
        Instant deletionDate,
        Integer pendingWindowInDays,
        List<MaterialVersion> materials,
        Map<String, String> tags) {

    public KmsKey {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(id);
        Objects.requireNonNull(spec);
        Objects.requireNonNull(usage);
        Objects.requireNonNull(state);
        Objects.requireNonNull(creationDate);
        description = description == null ? "" : description;
        materials = List.copyOf(materials);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if (!spec.allows(usage)) {
            throw new IllegalArgumentException(spec + " does not allow " + usage);
        }
        if ((state == KeyState.PendingDeletion) != (deletionDate != null)) {
            throw new IllegalArgumentException("a deletion date exists exactly while the key is pending deletion");
        }
    }

    public String arn() {
        return scope.keyArn(id);
    }

    /** The newest material: what encrypts, signs and is reported as CurrentKeyMaterialId. */
    public MaterialVersion currentMaterial() {
        return materials.get(materials.size() - 1);
    }

    /** This key after {@code event}, as the state machine dictates. */
    public KmsKey after(KeyEvent event) {
        KeyState next = KeyStateMachine.next(state, event)
                .orElseThrow(() -> new IllegalStateException("a destroyed key has no metadata"));
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                null, null, materials, tags);
    }

    /** This key scheduled for deletion on {@code date}. */
    public KmsKey scheduledForDeletion(Instant date, int windowInDays) {
        KeyState next = KeyStateMachine.next(state, KeyEvent.SCHEDULE_DELETION).orElseThrow();
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                date, windowInDays, materials, tags);
    }

    public KmsKey withDescription(String newDescription) {
        return new KmsKey(scope, id, newDescription, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, materials, tags);
    }

    public KmsKey withTags(Map<String, String> newTags) {
        return new KmsKey(scope, id, description, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, materials, newTags);
    }
}
