package dev.trent.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.time.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private final MovableClock clock = new MovableClock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"),
            ZoneOffset.UTC));
    private final AuditSigningKey key = AuditSigningKey.generate();

    private AuditTrail trail(AuditStore store, int room) {
        return new AuditTrail(new AuditChain(AuditChain.emptyHead(clock), key, clock, DigestPolicy.DEFAULT), store,
                clock, room);
    }

    @Test
    void aFullTrail_refusesTheNextCall_untilItsEventsAreWritten() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        MemoryAuditStore memory = new MemoryAuditStore();
        AuditTrail trail = trail(append -> {
            await(stuck);
            memory.write(append);
        }, 2);
        for (String operation : List.of("Encrypt", "Decrypt")) {
            trail.begin(Events.call(operation, "{}")).finish(ApiCall.Outcome.succeeded(null, List.of()));
        }
        AuditTrail.Full full = assertThrows(AuditTrail.Full.class, () -> trail.begin(Events.call("Sign", "{}")));
        assertEquals("2 events are waiting to be written to the audit trail", full.getMessage());

        stuck.countDown();
        trail.flush();
        trail.begin(Events.call("Sign", "{}")).finish(ApiCall.Outcome.succeeded(null, List.of()));
        trail.close();
        assertEquals(3, memory.events.size());
    }

    @Test
    void aFailingStore_keepsTheEvents_andWritesThemOnceItWorksAgain() {
        AtomicInteger failures = new AtomicInteger(1);
        MemoryAuditStore memory = new MemoryAuditStore();
        AuditTrail trail = trail(append -> {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("disk full");
            }
            memory.write(append);
        }, 10);
        trail.begin(Events.call("Encrypt", "{}")).finish(ApiCall.Outcome.refused("NotFoundException", "gone"));
        trail.flush();
        trail.close();
        assertEquals(1, memory.events.size());
        assertEquals("NotFoundException",
                new ChainEntry(1, memory.events.get(1L).bytes()).event().path("errorCode").asText());
        assertTrue(ChainVerifier.verify(memory.log(key)).sound());
    }

    @Test
    void aCallThatCommittedItsChange_isRecordedOnceByThatCommit() {
        MemoryAuditStore memory = new MemoryAuditStore();
        AuditTrail trail = trail(memory, 10);
        AuditTrail.Recording recording = trail.begin(Events.call("CreateKey", "{\"Description\":\"d\"}"));
        MemoryAuditStore sameCommit = new MemoryAuditStore();
        assertTrue(trail.commitWith(List.of(EventResource.kmsKey("arn:aws:kms:eu-west-1:111122223333:key/k")),
                sameCommit::write));
        recording.finish(ApiCall.Outcome.succeeded(null, List.of()));
        trail.close();
        assertEquals(1, sameCommit.events.size());
        assertEquals(0, memory.events.size());
        assertEquals("arn:aws:kms:eu-west-1:111122223333:key/k", new ChainEntry(1, sameCommit.events.get(1L).bytes())
                .event().path("resources").path(0).path("ARN").asText());
    }

    @Test
    void aCommitOutsideAnyCall_recordsNothing() {
        AuditTrail trail = trail(new MemoryAuditStore(), 10);
        assertEquals(false, trail.commitWith(List.of(), append -> {
            throw new AssertionError("nothing to write");
        }));
    }

    @Test
    void digests_areSignedEveryNEvents_afterTheInterval_andAtShutdown() {
        MemoryAuditStore memory = new MemoryAuditStore();
        AuditChain chain = new AuditChain(AuditChain.emptyHead(clock), key, clock,
                new DigestPolicy(3, Duration.ofMinutes(5)));
        chain.append(List.of(Events.event("Encrypt"), Events.event("Decrypt")), memory::write);
        assertEquals(0, memory.digests.size());
        chain.append(List.of(Events.event("Sign")), memory::write);
        assertEquals(1, memory.digests.size(), "the third event makes a digest due");

        chain.append(List.of(Events.event("Verify")), memory::write);
        assertEquals(false, chain.digest(true, memory::write), "one event and no time passed");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(true, chain.digest(true, memory::write));
        assertEquals(false, chain.digest(false, memory::write), "nothing new since the last digest");
        chain.append(List.of(Events.event("Encrypt")), memory::write);
        assertEquals(true, chain.digest(false, memory::write), "shutdown signs whatever is new");
        assertEquals(3, memory.digests.size());
        ChainVerifier.Verdict verdict = ChainVerifier.verify(memory.log(key));
        assertEquals(List.of(), verdict.problems());
        assertEquals(5, verdict.events());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
