package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A rekey whose process dies, at a chosen point or at a random one, leaves a database that opens with exactly one
 * of the two roots and reads every record with it. The child JVM is {@link RekeyChildProcess}.
 */
class SqliteRekeyProcessDeathTest extends RekeyTestBase {

    /** How long each looping child runs before it is killed; varied so the kill lands at different steps. */
    private static final List<Integer> KILL_AFTER_MILLIS = List.of(0, 15, 40, 90, 170, 260, 400);

    @Override
    RekeyStore newStore(Path dir) {
        return RekeyStore.sqlite(dir);
    }

    private Path db() {
        return dir.resolve("data").resolve("trent.db");
    }

    @Test
    void dyingJustBeforeTheWrite_leavesTheOldRootOnly() throws Exception {
        assertEquals(RekeyChildProcess.HALTED, runToTheEnd("halt-before-write"));

        assertOpensOnlyWith(keyFileA, keyFileB);
    }

    @Test
    void dyingJustAfterTheWrite_leavesTheNewRootOnly_recoveredFromTheWal() throws Exception {
        assertEquals(RekeyChildProcess.HALTED, runToTheEnd("halt-after-write"));

        Path wal = db().resolveSibling("trent.db-wal");
        assertTrue(Files.exists(wal) && Files.size(wal) > 0, "the committed swap should still be in the WAL");
        assertOpensOnlyWith(keyFileB, keyFileA);
    }

    @Test
    void killedAtVaryingMomentsWhileRekeyingBackAndForth_alwaysLeavesExactlyOneRoot() throws Exception {
        keyFileB.initialize();
        RootOfTrustProvider current = keyFileA;
        AtomicInteger rekeys = new AtomicInteger();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        // The last round is killed only after some rekeys completed, so the test can never pass vacuously.
        for (int round = 0; round <= KILL_AFTER_MILLIS.size(); round++) {
            Process child = start(current == keyFileA ? "loop-from-a" : "loop-from-b");
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (!"ready".equals(first)) {
                fail("the child did not start: " + first);
            }
            Thread drain = new Thread(() -> out.lines().forEach(line -> {
                if (line.startsWith("rekeyed")) {
                    rekeys.incrementAndGet();
                } else {
                    unexpected.add(line);
                }
            }));
            drain.start();
            if (round < KILL_AFTER_MILLIS.size()) {
                Thread.sleep(KILL_AFTER_MILLIS.get(round));
            } else {
                awaitAtLeast(rekeys, rekeys.get() + 3);
            }
            // SIGKILL through the handle: Process.destroyForcibly would also close the pipe the drain reads.
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            drain.join();

            List<RootOfTrustProvider> opening = rootsThatOpen(keyFileA, keyFileB);
            assertEquals(1, opening.size(), "after the kill in round " + round);
            current = opening.get(0);
            assertReadsEveryRecord(current);
        }
        assertEquals(List.of(), unexpected, "unexpected output from the children");
    }

    private static void awaitAtLeast(AtomicInteger counter, int target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                fail("the child completed only " + counter.get() + " rekeys in 30 s");
            }
            Thread.sleep(5);
        }
    }

    private int runToTheEnd(String mode) throws IOException, InterruptedException {
        Process child = start(mode);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals("", output.strip().replace("ready", ""), "unexpected output from the child");
        return child.exitValue();
    }

    private Process start(String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RekeyChildProcess.class.getName(), mode, db().toString(), keyFileA().toString(), keyFileB().toString())
                .redirectErrorStream(true)
                .start();
    }
}
