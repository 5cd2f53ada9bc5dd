package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two bounded lanes: a full one refuses at once, and the other keeps working. */
class WorkLanesTest {

    private static final byte[] RSA_KEY = "{\"KeySpec\":\"RSA_4096\",\"KeyUsage\":\"SIGN_VERIFY\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] RANDOM = "{\"NumberOfBytes\":32}".getBytes(StandardCharsets.UTF_8);

    private final WorkLanes lanes = WorkLanes.start(new WorkLanes.Sizes(2, 4, 1, 2));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        lanes.shutdown(Duration.ofSeconds(10));
    }

    private void blockUntilReleased() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void keyPairRequests_andQuickOnes_runOnDifferentLanes() {
        Executor expensive = lanes.forRequest("TrentService.CreateKey", RSA_KEY);
        assertSame(expensive, lanes.forRequest("TrentService.ImportKeyMaterial", new byte[0]));
        assertNotSame(expensive, lanes.forRequest("TrentService.GenerateRandom", RANDOM));
        assertSame(lanes.general(), lanes.forRequest("TrentService.GenerateRandom", RANDOM));
    }

    @Test
    void fullExpensiveLane_refusesAtOnce_whileTheGeneralLaneStillRuns() throws Exception {
        Executor expensive = lanes.forRequest("TrentService.CreateKey", RSA_KEY);
        expensive.execute(this::blockUntilReleased); // its one thread
        expensive.execute(this::blockUntilReleased); // its queue of two
        expensive.execute(this::blockUntilReleased);

        WorkLanes.Full full = assertThrows(WorkLanes.Full.class, () -> expensive.execute(() -> { }));
        assertEquals("the expensive lane's queue is full", full.getMessage());

        CountDownLatch ran = new CountDownLatch(1);
        lanes.forRequest("TrentService.GenerateRandom", RANDOM).execute(ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the general lane is not held up");
    }

    @Test
    void afterShutdown_aRefusalIsNotAFullQueue() {
        lanes.shutdown(Duration.ofSeconds(10));
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class,
                () -> lanes.general().execute(() -> { }));
        assertFalse(e instanceof WorkLanes.Full, "shutting down is not throttling");
    }

    @Test
    void everyLaneNeedsAThreadAndAQueueSlot() {
        assertThrows(IllegalArgumentException.class, () -> new WorkLanes.Sizes(1, 1, 1, 0));
        WorkLanes.Sizes twoCores = WorkLanes.Sizes.forProcessors(2);
        assertEquals(new WorkLanes.Sizes(4, 10_000, 1, 64), twoCores);
    }
}
