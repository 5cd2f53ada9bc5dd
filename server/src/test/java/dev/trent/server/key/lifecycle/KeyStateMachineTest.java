package dev.trent.server.key.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transition table pair by pair, its agreement with the operation rules, and the NIST phase of every state. */
class KeyStateMachineTest {

    /**
     * "from/EVENT" -> target state, or "destroyed" for the move out of the state space; every pair not listed is
     * refused. From the AWS KMS Developer Guide: EnableKey and DisableKey succeed on Enabled and Disabled keys;
     * ScheduleKeyDeletion on every key not already pending deletion; CancelKeyDeletion leaves the key Disabled;
     * deleting imported material sends a key to PendingImport and importing it brings it back Enabled; a
     * multi-Region primary key with replicas waits in PendingReplicaDeletion until the last replica is deleted;
     * a new replica is Creating until its material is in place.
     */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("Enabled/ENABLE", "Enabled"),
            Map.entry("Enabled/DISABLE", "Disabled"),
            Map.entry("Enabled/SCHEDULE_DELETION", "PendingDeletion"),
            Map.entry("Enabled/LOSE_MATERIAL", "PendingImport"),
            Map.entry("Disabled/ENABLE", "Enabled"),
            Map.entry("Disabled/DISABLE", "Disabled"),
            Map.entry("Disabled/SCHEDULE_DELETION", "PendingDeletion"),
            Map.entry("Disabled/LOSE_MATERIAL", "PendingImport"),
            Map.entry("PendingImport/IMPORT_MATERIAL", "Enabled"),
            Map.entry("PendingImport/SCHEDULE_DELETION", "PendingDeletion"),
            Map.entry("Unavailable/SCHEDULE_DELETION", "PendingDeletion"),
            Map.entry("PendingDeletion/CANCEL_DELETION", "Disabled"),
            Map.entry("PendingDeletion/DESTROY", "destroyed"),
            Map.entry("Enabled/SCHEDULE_DELETION_AFTER_REPLICAS", "PendingReplicaDeletion"),
            Map.entry("Disabled/SCHEDULE_DELETION_AFTER_REPLICAS", "PendingReplicaDeletion"),
            Map.entry("PendingReplicaDeletion/REPLICAS_DELETED", "PendingDeletion"),
            Map.entry("PendingReplicaDeletion/CANCEL_DELETION", "Disabled"),
            Map.entry("Creating/REPLICA_CREATED", "Enabled"),
            Map.entry("Creating/SCHEDULE_DELETION", "PendingDeletion"),
            Map.entry("Enabled/KEY_STORE_DISCONNECTED", "Unavailable"),
            Map.entry("Disabled/KEY_STORE_DISCONNECTED", "Unavailable"));

    /** The operations that move a key, with the event each one raises. */
    private static final Map<KeyOperation, KeyEvent> MOVES = Map.of(
            KeyOperation.EnableKey, KeyEvent.ENABLE,
            KeyOperation.DisableKey, KeyEvent.DISABLE,
            KeyOperation.ScheduleKeyDeletion, KeyEvent.SCHEDULE_DELETION,
            KeyOperation.CancelKeyDeletion, KeyEvent.CANCEL_DELETION);

    /**
     * The states a key is stored in: Unavailable is derived while a custom key store is disconnected and never
     * stored, so operations move the stored state; Trent moves a primary Region in one commit (Updating).
     */
    private static final Set<KeyState> REACHABLE = EnumSet.of(KeyState.Enabled, KeyState.Disabled,
            KeyState.PendingDeletion, KeyState.PendingImport, KeyState.PendingReplicaDeletion, KeyState.Creating);

    @Test
    void everyStateEventPair_isAllowedExactlyAsTheTableSays() {
        List<String> failures = new ArrayList<>();
        for (KeyState from : KeyState.values()) {
            for (KeyEvent event : KeyEvent.values()) {
                String pair = from + "/" + event;
                String expected = ALLOWED.get(pair);
                boolean allowed = KeyStateMachine.allows(from, event);
                if (allowed != (expected != null)) {
                    failures.add(pair + ": allows() says " + allowed);
                } else if (expected == null) {
                    try {
                        KeyStateMachine.next(from, event);
                        failures.add(pair + ": next() moved the key although the move is refused");
                    } catch (IllegalStateException refused) {
                        // as it must
                    }
                } else {
                    String actual = KeyStateMachine.next(from, event).map(Enum::name).orElse("destroyed");
                    if (!actual.equals(expected)) {
                        failures.add(pair + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * AWS: keys of a disconnected custom key store are Unavailable, except keys pending deletion, which stay so
     * that their deletion can be cancelled; on reconnect each key is back in its previous state.
     */
    @Test
    void aDisconnectedKeyStore_makesEnabledAndDisabledKeysUnavailable_only() {
        for (KeyState state : KeyState.values()) {
            boolean expected = state == KeyState.Enabled || state == KeyState.Disabled;
            assertEquals(expected, KeyStateMachine.allows(state, KeyEvent.KEY_STORE_DISCONNECTED), state.name());
        }
        assertEquals(Optional.of(KeyState.Unavailable),
                KeyStateMachine.next(KeyState.Disabled, KeyEvent.KEY_STORE_DISCONNECTED));
    }

    @Test
    void next_forAMoveNotInTheTable_throwsNamingTheMove() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyStateMachine.next(KeyState.PendingDeletion, KeyEvent.ENABLE));
        assertTrue(e.getMessage().contains("PendingDeletion") && e.getMessage().contains("ENABLE"), e.getMessage());
    }

    /** Where the rules let an operation through, the machine must have its move, or the caller gets a 500. */
    @Test
    void everyOperationTheRulesAllow_hasItsMove_inEveryReachableState() {
        List<String> failures = new ArrayList<>();
        MOVES.forEach((operation, event) -> {
            for (KeyState state : REACHABLE) {
                boolean ruleAllows = KeyStateRules.rule(operation, state) == StateRule.ALLOWED;
                if (ruleAllows != KeyStateMachine.allows(state, event)) {
                    failures.add(operation + " in " + state + ": rule allows " + ruleAllows + ", machine allows "
                            + KeyStateMachine.allows(state, event));
                }
            }
        });
        assertEquals(List.of(), failures);
    }

    @Test
    void cancelDeletion_leavesTheKeyDisabled_andOnlyEnabledReportsEnabledTrue() {
        assertEquals(Optional.of(KeyState.Disabled), KeyStateMachine.next(KeyState.PendingDeletion, KeyEvent.CANCEL_DELETION));
        for (KeyState state : KeyState.values()) {
            assertEquals(state == KeyState.Enabled, state.enabledFlag(), state.name());
        }
        assertFalse(KeyState.PendingDeletion.enabledFlag());
    }

    @Test
    void everyAwsState_mapsToItsNistPhase() {
        Map<KeyState, NistPhase> expected = new EnumMap<>(KeyState.class);
        expected.put(KeyState.Creating, NistPhase.PRE_ACTIVATION);
        expected.put(KeyState.PendingImport, NistPhase.PRE_ACTIVATION);
        expected.put(KeyState.Enabled, NistPhase.ACTIVE);
        expected.put(KeyState.Updating, NistPhase.ACTIVE);
        expected.put(KeyState.Disabled, NistPhase.SUSPENDED);
        expected.put(KeyState.Unavailable, NistPhase.SUSPENDED);
        expected.put(KeyState.PendingDeletion, NistPhase.DEACTIVATED);
        expected.put(KeyState.PendingReplicaDeletion, NistPhase.DEACTIVATED);
        assertEquals(EnumSet.allOf(KeyState.class), expected.keySet(), "the table names every AWS state");
        List<String> failures = new ArrayList<>();
        for (KeyState state : KeyState.values()) {
            if (state.nistPhase() != expected.get(state)) {
                failures.add(state + ": expected " + expected.get(state) + ", got " + state.nistPhase());
            }
        }
        assertEquals(List.of(), failures);
    }
}
