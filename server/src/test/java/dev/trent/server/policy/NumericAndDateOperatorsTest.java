package dev.trent.server.policy;

import static dev.trent.server.policy.Conditions.holds;
import static dev.trent.server.policy.Conditions.with;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumericAndDateOperatorsTest {

    private static final String N = "kms:SomeNumber";
    private static final String T = "aws:CurrentTime";

    @Test
    void numericComparisons() {
        assertTrue(holds("NumericEquals", N, List.of("10"), with(N, "10.0")));
        assertFalse(holds("NumericEquals", N, List.of("10"), with(N, "11")));
        assertTrue(holds("NumericNotEquals", N, List.of("10"), with(N, "11")));
        assertFalse(holds("NumericNotEquals", N, List.of("10", "11"), with(N, "11")));
        assertTrue(holds("NumericLessThan", N, List.of("10"), with(N, "9")));
        assertFalse(holds("NumericLessThan", N, List.of("10"), with(N, "10")));
        assertTrue(holds("NumericLessThanEquals", N, List.of("10"), with(N, "10")));
        assertTrue(holds("NumericGreaterThan", N, List.of("10"), with(N, "10.5")));
        assertFalse(holds("NumericGreaterThan", N, List.of("10"), with(N, "10")));
        assertTrue(holds("NumericGreaterThanEquals", N, List.of("-1"), with(N, "-1")));
    }

    @Test
    void numeric_unreadableValues_matchNothing() {
        assertFalse(holds("NumericEquals", N, List.of("ten"), with(N, "10")));
        assertFalse(holds("NumericLessThan", N, List.of("10"), with(N, "nine")));
        assertTrue(holds("NumericNotEquals", N, List.of("ten"), with(N, "10")));
    }

    @Test
    void numeric_absentKey_falseUnlessNegated() {
        assertFalse(holds("NumericLessThan", N, List.of("10"), ContextKeys.EMPTY));
        assertTrue(holds("NumericNotEquals", N, List.of("10"), ContextKeys.EMPTY));
    }

    @Test
    void dateComparisons_acrossIsoForms() {
        ContextKeys now = with(T, "2026-12-03T17:00:00Z");
        assertTrue(holds("DateLessThan", T, List.of("2027-01-01T00:00:00Z"), now));
        assertFalse(holds("DateLessThan", T, List.of("2026-12-03T17:00:00Z"), now));
        assertTrue(holds("DateLessThanEquals", T, List.of("2026-12-03T17:00:00Z"), now));
        assertTrue(holds("DateGreaterThan", T, List.of("2026-12-03"), now));
        assertTrue(holds("DateGreaterThanEquals", T, List.of("2026-12-03T18:00:00+01:00"), now));
        assertTrue(holds("DateEquals", T, List.of("2026-12-03T19:00:00+02:00"), now));
        assertTrue(holds("DateNotEquals", T, List.of("2026-12-03T17:00:01Z"), now));
        assertFalse(holds("DateGreaterThan", T, List.of("2026-12-04"), now));
    }

    @Test
    void date_epochSecondsOnEitherSide() {
        ContextKeys now = with(T, "2026-12-03T17:00:00Z");
        long epoch = java.time.Instant.parse("2026-12-03T17:00:00Z").getEpochSecond();
        assertTrue(holds("DateEquals", T, List.of(Long.toString(epoch)), now));
        assertTrue(holds("DateLessThan", "aws:EpochTime", List.of("2026-12-04T00:00:00Z"),
                with("aws:EpochTime", Long.toString(epoch))));
    }

    @Test
    void date_unreadableValue_matchesNothing() {
        assertFalse(holds("DateLessThan", T, List.of("tomorrow"), with(T, "2026-12-03T17:00:00Z")));
    }
}
