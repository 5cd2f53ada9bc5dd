package dev.trent.server.key.lifecycle;

import static dev.trent.server.key.lifecycle.NistPhase.ACTIVE;
import static dev.trent.server.key.lifecycle.NistPhase.COMPROMISED;
import static dev.trent.server.key.lifecycle.NistPhase.DEACTIVATED;
import static dev.trent.server.key.lifecycle.NistPhase.DESTROYED;
import static dev.trent.server.key.lifecycle.NistPhase.DESTROYED_COMPROMISED;
import static dev.trent.server.key.lifecycle.NistPhase.PRE_ACTIVATION;
import static dev.trent.server.key.lifecycle.NistPhase.SUSPENDED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every move between NIST SP 800-57 phases that Trent makes, with what triggers it: one table. A move not listed
 * never happens; {@link #trigger} tells a caller why a requested action is refused. The moves follow SP 800-57
 * Part 1 Rev. 5 section 7 and its figure of states and transitions, with additions AWS forces on it: a key
 * pending deletion (deactivated) returns to where it was when the deletion is cancelled (suspended, as AWS
 * leaves it disabled; or pre-activation, as AWS returns a key that never had material to PendingImport), and a
 * deactivated key becomes active again when an administrator lengthens or clears its cryptoperiods.
 */
public final class NistTransitions {

    private static final Map<NistPhase, Map<NistPhase, String>> TABLE = new EnumMap<>(NistPhase.class);

    static {
        move(PRE_ACTIVATION, ACTIVE, "key material in place: CreateKey, ImportKeyMaterial, ReplicateKey");
        move(PRE_ACTIVATION, DEACTIVATED, "ScheduleKeyDeletion before any material was imported");
        move(PRE_ACTIVATION, COMPROMISED, "marked compromised");
        move(ACTIVE, SUSPENDED, "DisableKey (or suspend), or imported material deleted or expired");
        move(ACTIVE, DEACTIVATED, "ScheduleKeyDeletion, or the originator-usage period ended");
        move(ACTIVE, COMPROMISED, "marked compromised");
        move(SUSPENDED, ACTIVE, "EnableKey (or resume), or imported material imported again");
        move(SUSPENDED, DEACTIVATED, "ScheduleKeyDeletion, or the originator-usage period ended");
        move(SUSPENDED, COMPROMISED, "marked compromised");
        move(DEACTIVATED, SUSPENDED, "CancelKeyDeletion (AWS leaves the key disabled)");
        move(DEACTIVATED, PRE_ACTIVATION, "CancelKeyDeletion of a key that never had material (back to PendingImport)");
        move(DEACTIVATED, ACTIVE, "cryptoperiods lengthened or cleared");
        move(DEACTIVATED, COMPROMISED, "marked compromised");
        move(DEACTIVATED, DESTROYED, "the deletion window ended");
        move(COMPROMISED, DESTROYED_COMPROMISED, "the deletion window ended");
    }

    private NistTransitions() {
    }

    private static void move(NistPhase from, NistPhase to, String trigger) {
        TABLE.computeIfAbsent(from, f -> new EnumMap<>(NistPhase.class)).put(to, trigger);
    }

    /** Whether a key may move from {@code from} to {@code to}; staying in a phase is always allowed. */
    public static boolean allows(NistPhase from, NistPhase to) {
        return from == to || trigger(from, to).isPresent();
    }

    /** What triggers the move, or empty when there is no such move. */
    public static Optional<String> trigger(NistPhase from, NistPhase to) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(to));
    }
}
