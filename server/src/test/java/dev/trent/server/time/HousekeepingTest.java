package dev.trent.server.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Housekeeping runs its tasks in order, reports the counts of the timed ones and knows the earliest due date. */
class HousekeepingTest {

    @Test
    void run_runsEveryTaskInOrder_evenAfterOneFails_andCountsTheTimedOnes() {
        List<String> ran = new ArrayList<>();
        Housekeeping housekeeping = new Housekeeping()
                .add("first", () -> {
                    ran.add("first");
                    return 2;
                }, Optional::empty)
                .add("broken", () -> {
                    throw new IllegalStateException("boom");
                })
                .add("chore", () -> ran.add("chore"));

        Map<String, Integer> counts = housekeeping.run();

        assertEquals(List.of("first", "chore"), ran);
        assertEquals(Map.of("first", 2), counts);
        assertEquals(List.of("first"), housekeeping.timedTaskNames());
    }

    @Test
    void nextDue_isTheEarliestOfTheTimedTasks() {
        Instant early = Instant.parse("2026-01-02T00:00:00Z");
        Housekeeping housekeeping = new Housekeeping()
                .add("later", () -> 0, () -> Optional.of(early.plusSeconds(60)))
                .add("idle", () -> 0, Optional::empty)
                .add("early", () -> 0, () -> Optional.of(early));

        assertEquals(Optional.of(early), housekeeping.nextDue());
        assertEquals(Optional.empty(), new Housekeeping().add("chore", () -> { }).nextDue());
    }

    @Test
    void aName_isUsedOnce() {
        Housekeeping housekeeping = new Housekeeping().add("rotations", () -> 0, Optional::empty);
        assertThrows(IllegalArgumentException.class, () -> housekeeping.add("rotations", () -> { }));
    }
}
