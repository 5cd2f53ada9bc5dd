package dev.trent.server.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Time travel with fake housekeeping tasks: each remembers when it ran, by the clock it reads, so the tests see
 * that work fires in order and dated at its due instant.
 */
class TimeTravelTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final List<String> log = new ArrayList<>();

    /** A task with a list of due instants; running it does every one due by now. */
    private final class Scheduled {
        private final String name;
        private final List<Instant> due = new ArrayList<>();

        Scheduled(String name, Instant... due) {
            this.name = name;
            this.due.addAll(List.of(due));
        }

        int run() {
            int done = 0;
            while (!due.isEmpty() && !due.get(0).isAfter(clock.instant())) {
                log.add(name + " at " + clock.instant());
                due.remove(0);
                done++;
            }
            return done;
        }

        Optional<Instant> nextDue() {
            return due.stream().findFirst();
        }
    }

    private static Instant day(int n) {
        return START.plus(Duration.ofDays(n));
    }

    @Test
    void advance_firesEachTaskAtItsDueInstant_inOrder_andEndsAtTheTarget() {
        Scheduled deletions = new Scheduled("deletion", day(3));
        Scheduled rotations = new Scheduled("rotation", day(1));
        Housekeeping housekeeping = new Housekeeping()
                .add("keysDeleted", deletions::run, deletions::nextDue)
                .add("rotations", rotations::run, rotations::nextDue);
        TimeTravel time = new TimeTravel(clock, housekeeping);

        Map<String, Integer> fired = time.advance(Duration.ofDays(5));

        assertEquals(List.of("rotation at " + day(1), "deletion at " + day(3)), log);
        assertEquals(Map.of("keysDeleted", 1, "rotations", 1), fired);
        assertEquals(List.of("keysDeleted", "rotations"), List.copyOf(fired.keySet()), "in task order");
        assertEquals(day(5), clock.instant());
        assertEquals(Duration.ofDays(5), clock.offset());
    }

    @Test
    void aRepeatingTask_firesEveryTimeItFallsDue_atEachDate() {
        // As a 365-day rotation does: each run schedules the next one a period later.
        List<Instant> ranAt = new ArrayList<>();
        AtomicReference<Instant> next = new AtomicReference<>(day(365));
        Housekeeping housekeeping = new Housekeeping().add("rotations", () -> {
            if (next.get().isAfter(clock.instant())) {
                return 0;
            }
            ranAt.add(clock.instant());
            next.set(clock.instant().plus(Duration.ofDays(365)));
            return 1;
        }, () -> Optional.of(next.get()));

        Map<String, Integer> fired = new TimeTravel(clock, housekeeping).advance(Duration.ofDays(800));

        assertEquals(List.of(day(365), day(730)), ranAt);
        assertEquals(Map.of("rotations", 2), fired);
        assertEquals(day(1095), next.get());
    }

    @Test
    void workDueAfterTheTarget_waits_andEveryTaskRunsOnceMoreAtTheTarget() {
        Scheduled later = new Scheduled("later", day(10));
        List<Instant> chores = new ArrayList<>();
        Housekeeping housekeeping = new Housekeeping()
                .add("later", later::run, later::nextDue)
                .add("saving usage", () -> chores.add(clock.instant()));

        Map<String, Integer> fired = new TimeTravel(clock, housekeeping).advance(Duration.ofDays(2));

        assertEquals(List.of(), log);
        assertEquals(Map.of("later", 0), fired, "chores report no count");
        assertEquals(List.of(day(2)), chores);
    }

    @Test
    void overdueWork_firesAtTheCurrentTime_neverInThePast() {
        Scheduled overdue = new Scheduled("overdue", START.minus(Duration.ofHours(1)));
        Housekeeping housekeeping = new Housekeeping().add("overdue", overdue::run, overdue::nextDue);

        new TimeTravel(clock, housekeeping).advance(Duration.ofDays(1));

        assertEquals(List.of("overdue at " + START), log);
    }

    @Test
    void aTaskWhoseDueDateDoesNotMove_doesNotLoopForever() {
        List<Instant> ranAt = new ArrayList<>();
        Housekeeping housekeeping = new Housekeeping().add("stuck", () -> {
            ranAt.add(clock.instant());
            return 0;
        }, () -> Optional.of(day(1)));

        new TimeTravel(clock, housekeeping).advance(Duration.ofDays(3));

        assertEquals(List.of(day(1), day(3)), ranAt, "once at its due instant, then once at the target");
        assertEquals(day(3), clock.instant());
    }

    @Test
    void aFailingTask_doesNotStopTheJourneyOrTheOtherTasks() {
        Scheduled fine = new Scheduled("fine", day(2));
        Housekeeping housekeeping = new Housekeeping()
                .add("broken", () -> {
                    throw new IllegalStateException("boom");
                }, () -> {
                    throw new IllegalStateException("boom");
                })
                .add("fine", fine::run, fine::nextDue);

        Map<String, Integer> fired = new TimeTravel(clock, housekeeping).advance(Duration.ofDays(3));

        assertEquals(List.of("fine at " + day(2)), log);
        assertEquals(Map.of("broken", 0, "fine", 1), fired);
    }

    @Test
    void advance_byZeroOrLess_isRefused() {
        TimeTravel time = new TimeTravel(clock, new Housekeeping());
        assertThrows(IllegalArgumentException.class, () -> time.advance(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> time.advance(Duration.ofDays(-1)));
        assertEquals(START, clock.instant());
    }

    @Test
    void reset_goesBackToRealTime_withoutUndoingAnything() {
        Scheduled once = new Scheduled("once", day(1));
        TimeTravel time = new TimeTravel(clock, new Housekeeping().add("once", once::run, once::nextDue));
        time.advance(Duration.ofDays(2));

        time.reset();

        assertEquals(START, clock.instant());
        assertEquals(Duration.ZERO, clock.offset());
        assertEquals(List.of("once at " + day(1)), log);
    }

    @Test
    void theScheduledTick_waitsWhileTheClockIsMoving() throws Exception {
        CountDownLatch travelling = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        List<String> runs = new ArrayList<>();
        AtomicReference<Instant> due = new AtomicReference<>(day(1));
        Housekeeping housekeeping = new Housekeeping().add("slow", () -> {
            synchronized (runs) {
                runs.add(clock.instant().toString());
            }
            if (due.get() != null && !due.get().isAfter(clock.instant())) {
                due.set(null);
                travelling.countDown();
                await(mayFinish);
            }
            return 0;
        }, () -> Optional.ofNullable(due.get()));
        TimeTravel time = new TimeTravel(clock, housekeeping);

        Thread traveller = new Thread(() -> time.advance(Duration.ofDays(2)));
        traveller.start();
        assertTrue(travelling.await(5, TimeUnit.SECONDS));
        Thread ticker = new Thread(time::tick);
        ticker.start();
        ticker.join(200);
        assertTrue(ticker.isAlive(), "the tick waits for the journey");
        mayFinish.countDown();
        traveller.join(5000);
        ticker.join(5000);

        assertFalse(traveller.isAlive());
        assertEquals(List.of(day(1).toString(), day(2).toString(), day(2).toString()), runs,
                "the journey's runs, then the tick at the new time");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
