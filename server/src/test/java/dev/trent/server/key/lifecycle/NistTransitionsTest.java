package dev.trent.server.key.lifecycle;

import static dev.trent.server.key.lifecycle.NistPhase.ACTIVE;
import static dev.trent.server.key.lifecycle.NistPhase.COMPROMISED;
import static dev.trent.server.key.lifecycle.NistPhase.DEACTIVATED;
import static dev.trent.server.key.lifecycle.NistPhase.DESTROYED;
import static dev.trent.server.key.lifecycle.NistPhase.DESTROYED_COMPROMISED;
import static dev.trent.server.key.lifecycle.NistPhase.PRE_ACTIVATION;
import static dev.trent.server.key.lifecycle.NistPhase.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The NIST phase transition table, pair by pair. */
class NistTransitionsTest {

    /** Every move between two different phases that may happen; all others never do. */
    private static final Set<List<NistPhase>> ALLOWED = Set.of(
            List.of(PRE_ACTIVATION, ACTIVE),
            List.of(PRE_ACTIVATION, DEACTIVATED),
            List.of(PRE_ACTIVATION, COMPROMISED),
            List.of(ACTIVE, SUSPENDED),
            List.of(ACTIVE, DEACTIVATED),
            List.of(ACTIVE, COMPROMISED),
            List.of(SUSPENDED, ACTIVE),
            List.of(SUSPENDED, DEACTIVATED),
            List.of(SUSPENDED, COMPROMISED),
            List.of(DEACTIVATED, SUSPENDED),
            List.of(DEACTIVATED, PRE_ACTIVATION),
            List.of(DEACTIVATED, ACTIVE),
            List.of(DEACTIVATED, COMPROMISED),
            List.of(DEACTIVATED, DESTROYED),
            List.of(COMPROMISED, DESTROYED_COMPROMISED));

    @Test
    void everyPairOfPhases_isAllowedExactlyAsTheTableSays_andEveryAllowedMoveNamesItsTrigger() {
        List<String> failures = new ArrayList<>();
        for (NistPhase from : NistPhase.values()) {
            for (NistPhase to : NistPhase.values()) {
                boolean expected = from == to || ALLOWED.contains(List.of(from, to));
                if (NistTransitions.allows(from, to) != expected) {
                    failures.add(from + " -> " + to + ": expected " + expected);
                }
                if (from != to && expected && NistTransitions.trigger(from, to).orElse("").isBlank()) {
                    failures.add(from + " -> " + to + ": no trigger named");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void nothingLeavesDestruction_andCompromiseIsForGood() {
        for (NistPhase to : NistPhase.values()) {
            if (to != DESTROYED) {
                assertEquals(false, NistTransitions.allows(DESTROYED, to), "DESTROYED -> " + to);
            }
            if (to != COMPROMISED && to != DESTROYED_COMPROMISED) {
                assertEquals(false, NistTransitions.allows(COMPROMISED, to), "COMPROMISED -> " + to);
            }
        }
    }
}
