package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The runnable jar on a data directory on disk, SIGKILLed at a random moment while writers are busy, then
 * restarted on the same directory, several rounds in a row: every write acknowledged in any earlier round is
 * still there and every acknowledged ciphertext still decrypts. Writes cut off by the kill may or may not
 * have happened; none of them is checked.
 */
class CrashRecoveryTest {

    private static final int ROUNDS = 5;
    private static final int WRITERS = 4;
    /** Writes acknowledged in a round before the kill may come, so every round has new writes to lose. */
    private static final int WRITES_BEFORE_KILL = 20;
    private static final int MOST_EXTRA_MILLIS = 1_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void sigkillDuringWrites_losesNoAcknowledgedWrite() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        AcknowledgedWrites acked = new AcknowledgedWrites();
        for (int round = 1; round <= ROUNDS; round++) {
            String name = "round " + round + " (seed " + seed + ")";
            try (TrentProcess trent = start(); KmsClient kms = KmsClients.create(trent.endpoint(), Region.US_EAST_1)) {
                checkAll(acked, kms, round == 1 ? "first start" : "restart after the kill of round " + (round - 1));
                WriteLoad load = WriteLoad.start(kms, acked, name, WRITERS);
                boolean writing = load.awaitAcknowledged(WRITES_BEFORE_KILL, 30_000);
                if (writing) {
                    Thread.sleep(random.nextInt(MOST_EXTRA_MILLIS));
                }
                load.stopping();
                trent.kill();
                List<Throwable> failures = load.join();
                assertTrue(failures.isEmpty(), () -> name + ": a write failed before the kill: " + failures);
                assertTrue(writing, name + ": too few writes acknowledged before the kill");
                System.out.println("crash test " + name + ": killed after " + load.acknowledged()
                        + " acknowledged writes");
            }
        }
        try (TrentProcess trent = start(); KmsClient kms = KmsClients.create(trent.endpoint(), Region.US_EAST_1)) {
            checkAll(acked, kms, "after the last kill");
            assertEquals(0, trent.stop(), trent.output().toString());
        }
    }

    private static void checkAll(AcknowledgedWrites acked, KmsClient kms, String when) {
        acked.assertAllPresent(kms, when);
        System.out.println("crash test " + when + ": " + acked.count() + " acknowledged writes present");
    }

    private TrentProcess start() throws IOException {
        return TrentJar.serve(START_TIMEOUT, "--data-dir", dataDir.toString());
    }

}
