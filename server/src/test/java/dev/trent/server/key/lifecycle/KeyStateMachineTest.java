package dev.trent.server.key.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The transition table, pair by pair, and the NIST phase of every AWS state. */
class KeyStateMachineTest {

    /** "from/EVENT" -> target; "destroyed" for the move out of the state space. Every other pair is refused. */
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
            Map.entry("PendingDeletion/DESTROY", "destroyed"));

    @Test
    void everyStateEventPair_isAllowedExactlyAsTheTableSays() {
        List<String> failures = new ArrayList<>();
        for (KeyState from : KeyState.values()) {
            for (KeyEvent event : KeyEvent.values()) {
                String pair = from + "/" + event;
                String expected = ALLOWED.get(pair);
                if (KeyStateMachine.allows(from, event) != (expected != null)) {
                    failures.add(pair + ": allows() disagrees");
                    continue;
                }
                if (expected != null) {
                    Optional<KeyState> to = KeyStateMachine.next(from, event);
                    String actual = to.map(Enum::name).orElse("destroyed");
                    if (!actual.equals(expected)) {
                        failures.add(pair + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void next_forAMoveNotInTheTable_throws() {
        assertThrows(IllegalStateException.class, () -> KeyStateMachine.next(KeyState.PendingDeletion, KeyEvent.ENABLE));
    }

    @Test
    void cancelDeletion_leavesTheKeyDisabled_asAwsDocuments() {
        assertEquals(Optional.of(KeyState.Disabled), KeyStateMachine.next(KeyState.PendingDeletion, KeyEvent.CANCEL_DELETION));
        assertFalse(KeyState.Disabled.enabledFlag());
        assertTrue(KeyState.Enabled.enabledFlag());
    }

    @Test
    void everyAwsState_mapsToItsNistPhase() {
        Map<KeyState, NistPhase> expected = Map.of(
                KeyState.Creating, NistPhase.PRE_ACTIVATION,
                KeyState.PendingImport, NistPhase.PRE_ACTIVATION,
                KeyState.Enabled, NistPhase.ACTIVE,
                KeyState.Updating, NistPhase.ACTIVE,
                KeyState.Disabled, NistPhase.SUSPENDED,
                KeyState.Unavailable, NistPhase.SUSPENDED,
                KeyState.PendingDeletion, NistPhase.DEACTIVATED,
                KeyState.PendingReplicaDeletion, NistPhase.DEACTIVATED);
        for (KeyState state : KeyState.values()) {
            assertEquals(expected.get(state), state.nistPhase(), state.name());
        }
    }
}
