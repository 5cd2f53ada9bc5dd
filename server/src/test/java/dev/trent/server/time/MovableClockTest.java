package dev.trent.server.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The movable clock: base time plus an offset that only grows by advancing and only shrinks by resetting. */
class MovableClockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));

    @Test
    void unmoved_tellsTheBaseClocksTime() {
        assertEquals(START, clock.instant());
        assertEquals(Duration.ZERO, clock.offset());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    void advance_addsUp_andResetGoesBackToTheBaseTime() {
        clock.advance(Duration.ofDays(8));
        clock.advance(Duration.ofHours(12));

        assertEquals(START.plus(Duration.ofDays(8)).plus(Duration.ofHours(12)), clock.instant());
        assertEquals(Duration.ofHours(8 * 24 + 12), clock.offset());

        clock.reset();
        assertEquals(START, clock.instant());
        assertEquals(Duration.ZERO, clock.offset());
    }

    @Test
    void advance_byZeroOrANegativeAmount_isRefusedAndChangesNothing() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> clock.advance(Duration.ZERO));
        assertTrue(zero.getMessage().contains("only moves forward"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> clock.advance(null));
        assertEquals(START, clock.instant());
    }

    @Test
    void aTickingBaseClock_keepsTicking_withTheOffsetOnTop() throws Exception {
        MovableClock system = new MovableClock();
        system.advance(Duration.ofDays(10));
        Instant first = system.instant();
        Thread.sleep(5);
        Instant second = system.instant();

        assertTrue(second.isAfter(first), "time still passes");
        Duration ahead = Duration.between(Instant.now(), second);
        assertTrue(ahead.compareTo(Duration.ofDays(10).minusSeconds(5)) > 0
                && ahead.compareTo(Duration.ofDays(10).plusSeconds(5)) < 0, ahead.toString());
    }

    @Test
    void hold_stopsTimeUntilReleased() {
        clock.hold(START.plus(Duration.ofDays(3)));
        assertEquals(START.plus(Duration.ofDays(3)), clock.instant());

        clock.release();
        assertEquals(START, clock.instant());
    }

    @Test
    void withZone_seesTheSameMovedTime() {
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofHours(1));

        assertEquals(START.plus(Duration.ofHours(1)), paris.instant());
        assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    }
}
