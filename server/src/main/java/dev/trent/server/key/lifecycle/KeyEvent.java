package dev.trent.server.key.lifecycle;

/** What moves a key from one state to another. */
public enum KeyEvent {
    /** EnableKey. */
    ENABLE,
    /** DisableKey. */
    DISABLE,
    /** ScheduleKeyDeletion. */
    SCHEDULE_DELETION,
    /** CancelKeyDeletion: AWS leaves the key Disabled. */
    CANCEL_DELETION,
    /** ImportKeyMaterial on a key waiting for material. */
    IMPORT_MATERIAL,
    /** Imported material deleted or expired. */
    LOSE_MATERIAL,
    /** The deletion window ended: the sweeper destroys the key. */
    DESTROY
}
