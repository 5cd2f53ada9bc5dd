package dev.trent.server.key.lifecycle;

import static dev.trent.server.key.lifecycle.KeyEvent.CANCEL_DELETION;
import static dev.trent.server.key.lifecycle.KeyEvent.DESTROY;
import static dev.trent.server.key.lifecycle.KeyEvent.DISABLE;
import static dev.trent.server.key.lifecycle.KeyEvent.ENABLE;
import static dev.trent.server.key.lifecycle.KeyEvent.IMPORT_MATERIAL;
import static dev.trent.server.key.lifecycle.KeyEvent.KEY_STORE_DISCONNECTED;
import static dev.trent.server.key.lifecycle.KeyEvent.LOSE_MATERIAL;
import static dev.trent.server.key.lifecycle.KeyEvent.REPLICAS_DELETED;
import static dev.trent.server.key.lifecycle.KeyEvent.REPLICA_CREATED;
import static dev.trent.server.key.lifecycle.KeyEvent.SCHEDULE_DELETION;
import static dev.trent.server.key.lifecycle.KeyEvent.SCHEDULE_DELETION_AFTER_REPLICAS;
import static dev.trent.server.key.lifecycle.KeyState.Creating;
import static dev.trent.server.key.lifecycle.KeyState.Disabled;
import static dev.trent.server.key.lifecycle.KeyState.Enabled;
import static dev.trent.server.key.lifecycle.KeyState.PendingDeletion;
import static dev.trent.server.key.lifecycle.KeyState.PendingImport;
import static dev.trent.server.key.lifecycle.KeyState.PendingReplicaDeletion;
import static dev.trent.server.key.lifecycle.KeyState.Unavailable;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every allowed state change, as one table (AWS KMS Developer Guide, "Key states of AWS KMS keys").
 * A move not listed here does not happen; whether an operation is allowed at all is the business of
 * {@link KeyStateRules}, which is checked first and gives AWS's error.
 * {@code null} as target means the key is destroyed and leaves the state space.
 */
public final class KeyStateMachine {

    private static final Map<KeyState, Map<KeyEvent, Optional<KeyState>>> TABLE = new EnumMap<>(KeyState.class);

    static {
        allow(Enabled, ENABLE, Enabled);
        allow(Enabled, DISABLE, Disabled);
        allow(Enabled, SCHEDULE_DELETION, PendingDeletion);
        allow(Enabled, LOSE_MATERIAL, PendingImport);
        allow(Enabled, SCHEDULE_DELETION_AFTER_REPLICAS, PendingReplicaDeletion);
        allow(Disabled, ENABLE, Enabled);
        allow(Disabled, DISABLE, Disabled);
        allow(Disabled, SCHEDULE_DELETION, PendingDeletion);
        allow(Disabled, LOSE_MATERIAL, PendingImport);
        allow(Disabled, SCHEDULE_DELETION_AFTER_REPLICAS, PendingReplicaDeletion);
        allow(PendingImport, IMPORT_MATERIAL, Enabled);
        allow(PendingImport, SCHEDULE_DELETION, PendingDeletion);
        allow(Unavailable, SCHEDULE_DELETION, PendingDeletion);
        // AWS: keys of a disconnected custom key store are Unavailable, except those pending deletion.
        allow(Enabled, KEY_STORE_DISCONNECTED, Unavailable);
        allow(Disabled, KEY_STORE_DISCONNECTED, Unavailable);
        // AWS: "When you cancel the deletion, the key state of the KMS key is Disabled."
        allow(PendingDeletion, CANCEL_DELETION, Disabled);
        allow(PendingDeletion, DESTROY, null);
        // AWS: the primary's waiting period begins when the last of its replicas is deleted.
        allow(PendingReplicaDeletion, REPLICAS_DELETED, PendingDeletion);
        allow(PendingReplicaDeletion, CANCEL_DELETION, Disabled);
        // Trent copies a replica's material within the ReplicateKey call, so Creating ends before it returns.
        allow(Creating, REPLICA_CREATED, Enabled);
        allow(Creating, SCHEDULE_DELETION, PendingDeletion);
    }

    private KeyStateMachine() {
    }

    private static void allow(KeyState from, KeyEvent event, KeyState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(KeyEvent.class)).put(event, Optional.ofNullable(to));
    }

    /** True when {@code event} may happen in state {@code from}. */
    public static boolean allows(KeyState from, KeyEvent event) {
        return TABLE.getOrDefault(from, Map.of()).containsKey(event);
    }

    /**
     * The state after {@code event}; empty when the key is destroyed.
     *
     * @throws IllegalStateException when the table has no such move (a bug: the operation's rule let it through)
     */
    public static Optional<KeyState> next(KeyState from, KeyEvent event) {
        Optional<KeyState> to = TABLE.getOrDefault(from, Map.of()).get(event);
        if (to == null) {
            throw new IllegalStateException("no transition " + from + " --" + event + "-->");
        }
        return to;
    }
}
