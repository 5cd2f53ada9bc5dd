package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One full stack trace per cause and interval, with a count of the ones left out. */
class StackTraceLimiterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final StackTraceLimiter limiter = new StackTraceLimiter(clock, Duration.ofMinutes(1));

    private static RuntimeException failureAtOnePlace() {
        return new IllegalStateException("same place, message " + System.nanoTime());
    }

    private static RuntimeException failureAtAnotherPlace() {
        return new IllegalStateException("another place");
    }

    @Test
    void sameCause_getsOneTracePerInterval_andTheNextTraceCountsTheOnesLeftOut() {
        assertTrue(limiter.admit(failureAtOnePlace()).fullTrace());
        for (int i = 1; i <= 5; i++) {
            StackTraceLimiter.Verdict verdict = limiter.admit(failureAtOnePlace());
            assertFalse(verdict.fullTrace(), "within the interval");
            assertEquals(i, verdict.suppressed());
        }
        now.set(now.get().plusSeconds(59));
        assertFalse(limiter.admit(failureAtOnePlace()).fullTrace(), "59 s later");

        now.set(now.get().plusSeconds(1));
        StackTraceLimiter.Verdict later = limiter.admit(failureAtOnePlace());
        assertTrue(later.fullTrace(), "a minute after the last trace");
        assertEquals(6, later.suppressed());
        assertFalse(limiter.admit(failureAtOnePlace()).fullTrace());
    }

    @Test
    void differentThrowingFrame_orDifferentClass_isAnotherCause() {
        assertTrue(limiter.admit(failureAtOnePlace()).fullTrace());
        assertTrue(limiter.admit(failureAtAnotherPlace()).fullTrace());
        assertTrue(limiter.admit(new IllegalArgumentException()).fullTrace());
        assertFalse(limiter.admit(failureAtAnotherPlace()).fullTrace());
    }

    @Test
    void rootCause_isPartOfTheSignature_andTheMessageIsNot() {
        RuntimeException first = failureAtOnePlace();
        RuntimeException second = failureAtOnePlace();
        assertEquals(StackTraceLimiter.signature(first), StackTraceLimiter.signature(second));
        assertNotEquals(StackTraceLimiter.signature(new RuntimeException(first)),
                StackTraceLimiter.signature(new RuntimeException(failureAtAnotherPlace())));
        assertTrue(StackTraceLimiter.signature(new RuntimeException(first))
                .contains(" <- java.lang.IllegalStateException@"));
    }

    @Test
    void manyDistinctCauses_stayBounded_andEachStillGetsATrace() {
        for (int i = 0; i < 3000; i++) {
            RuntimeException e = new RuntimeException();
            e.setStackTrace(new StackTraceElement[] {new StackTraceElement("Generated", "m" + i, null, i)});
            assertTrue(limiter.admit(e).fullTrace(), "cause " + i);
        }
    }
}
