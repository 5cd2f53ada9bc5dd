package dev.trent.server.key.lifecycle;

/** What moves a key from one state to another. */
public enum KeyEvent {
    /** EnableKey. */
    ENABLE,
    /** DisableKey. */
    DISABLE,
    /** ScheduleKeyDeletion. */
    SCHEDULE_DELETION,
    /** ScheduleKeyDeletion on a multi-Region primary key that still has replicas. */
    SCHEDULE_DELETION_AFTER_REPLICAS,
    /** The last replica of a primary key awaiting their deletion is gone: its own waiting period begins. */
    REPLICAS_DELETED,
    /** A new replica holds its material and is ready for use. */
    REPLICA_CREATED,
    /** CancelKeyDeletion: AWS leaves the key Disabled. */
    CANCEL_DELETION,
    /** ImportKeyMaterial on a key waiting for material. */
    IMPORT_MATERIAL,
    /** Imported material deleted or expired. */
    LOSE_MATERIAL,
    /**
     * The custom key store holding the key is not connected. Trent never stores the resulting Unavailable state:
     * it derives it while the store is disconnected, so the key returns to its stored state on reconnect.
     */
    KEY_STORE_DISCONNECTED,
    /** The deletion window ended: the sweeper destroys the key. */
    DESTROY
}
