package dev.trent.server.key.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deriving a key's NIST phase from its AWS state and its Trent lifecycle data. */
class NistPhasesTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = CREATED.plus(Duration.ofDays(100));
    private static final KeyLifecycle NONE = KeyLifecycle.empty();
    private static final KeyLifecycle PERIODS_90 =
            NONE.withCryptoperiods(new Cryptoperiods(Duration.ofDays(90), Duration.ofDays(365)));
    private static final KeyLifecycle COMPROMISED =
            NONE.withCompromise(new Compromise(CREATED, "leaked in a log", false));

    @Test
    void withoutLifecycleData_thePhaseFollowsTheAwsState() {
        for (KeyState state : KeyState.values()) {
            NistPhase expected = state == KeyState.PendingImport ? NistPhase.PRE_ACTIVATION : state.nistPhase();
            assertEquals(expected, NistPhases.of(state, false, CREATED, NONE, LATER), state.name());
        }
    }

    @Test
    void importedMaterialGone_isASuspension_notPreActivation() {
        assertEquals(NistPhase.SUSPENDED, NistPhases.of(KeyState.PendingImport, true, CREATED, NONE, LATER));
    }

    @Test
    void originatorPeriodEnded_deactivatesEnabledAndDisabledKeys_fromItsEndOn() {
        Instant end = CREATED.plus(Duration.ofDays(90));
        assertEquals(NistPhase.ACTIVE,
                NistPhases.of(KeyState.Enabled, true, CREATED, PERIODS_90, end.minusMillis(1)));
        assertEquals(NistPhase.DEACTIVATED, NistPhases.of(KeyState.Enabled, true, CREATED, PERIODS_90, end));
        assertEquals(NistPhase.DEACTIVATED, NistPhases.of(KeyState.Disabled, true, CREATED, PERIODS_90, end));
    }

    @Test
    void compromise_outranksEveryAwsState_andDestructionOutranksCompromise() {
        for (KeyState state : List.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingDeletion)) {
            assertEquals(NistPhase.COMPROMISED, NistPhases.of(state, true, CREATED, COMPROMISED, LATER));
        }
        assertEquals(NistPhase.DESTROYED_COMPROMISED, NistPhases.ofDestroyed(COMPROMISED));
        assertEquals(NistPhase.DESTROYED, NistPhases.ofDestroyed(NONE));
    }
}
