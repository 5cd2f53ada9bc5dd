package dev.trent.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.time.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of tampering with a stored trail is found, and the first broken event is named. */
class ChainVerifierTest {

    private final MovableClock clock = new MovableClock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"),
            ZoneOffset.UTC));
    private final AuditSigningKey key = AuditSigningKey.generate();
    private final MemoryAuditStore store = new MemoryAuditStore();

    @BeforeEach
    void sixEventsAndTwoDigests() {
        AuditChain chain = new AuditChain(AuditChain.emptyHead(clock), key, clock,
                new DigestPolicy(3, Duration.ofMinutes(5)));
        for (String name : List.of("CreateKey", "Encrypt", "Decrypt", "Sign", "Verify", "DisableKey")) {
            chain.append(List.of(Events.event(name)), store::write);
        }
    }

    @Test
    void anUntouchedTrail_isSound() {
        ChainVerifier.Verdict verdict = ChainVerifier.verify(store.log(key));
        assertEquals(List.of(), verdict.problems());
        assertEquals(6, verdict.events());
        assertEquals(2, verdict.digests());
    }

    @Test
    void aDeletedEvent_isNamed() {
        store.events.remove(3L);
        assertFirstBroken(3, "event 3 is missing: it was deleted");
    }

    @Test
    void twoSwappedEvents_breakTheChainAtTheFirst() {
        AuditLog.Reading two = store.events.get(2L);
        store.events.put(2L, store.events.get(4L));
        store.events.put(4L, two);
        assertFirstBroken(2, "event 2 holds event 4: it was moved");
    }

    @Test
    void anEditedEvent_breaksTheLinkToTheNext() {
        String link = new String(store.events.get(2L).bytes(), StandardCharsets.UTF_8);
        store.events.put(2L, AuditLog.Reading.of(link.replace("\"Encrypt\"", "\"Decrypt\"")
                .getBytes(StandardCharsets.UTF_8)));
        // The edited link still names its predecessor; the next one no longer names it.
        assertEquals(Optional.of(2L), verdict().firstBrokenEvent());
        assertEquals("event 2 is not the one event 3 follows: event 2 was edited or replaced, or event 3 was",
                verdict().problems().get(0));
    }

    @Test
    void anEventInsertedAfterTheHead_isNamed() {
        ChainEntry extra = ChainEntry.of(7, new ChainEntry(6, store.events.get(6L).bytes()).hash(),
                Events.event("ScheduleKeyDeletion"));
        store.events.put(7L, AuditLog.Reading.of(extra.bytes()));
        assertFirstBroken(7, "events 7..7 follow the last event the chain head names (6): they were inserted");
    }

    @Test
    void aTruncatedLog_isNamed() {
        store.events.remove(6L);
        store.events.remove(5L);
        assertFirstBroken(5, "events 5..6 are missing: the log was truncated after event 4");
    }

    @Test
    void aRecordThatDoesNotOpen_isNamed() {
        store.events.put(4L, AuditLog.Reading.failed("the record at audit/events/4 does not open"));
        assertFirstBroken(4, "event 4 cannot be read: the record at audit/events/4 does not open");
    }

    @Test
    void aDigestSignedByAnotherKey_isFound() {
        AuditChain forger = new AuditChain(AuditChain.emptyHead(clock), AuditSigningKey.generate(), clock,
                new DigestPolicy(1, Duration.ofMinutes(5)));
        MemoryAuditStore forged = new MemoryAuditStore();
        forger.append(List.of(Events.event("CreateKey")), forged::write);
        store.digests.put(1L, forged.digests.get(1L));
        assertEquals(List.of("digest 1 is not signed by the audit key", "digest 2 does not follow digest 1"),
                verdict().problems());
    }

    private ChainVerifier.Verdict verdict() {
        return ChainVerifier.verify(store.log(key));
    }

    private void assertFirstBroken(long sequence, String problem) {
        ChainVerifier.Verdict verdict = verdict();
        assertEquals(Optional.of(sequence), verdict.firstBrokenEvent(), verdict.problems().toString());
        assertEquals(problem, verdict.problems().get(0));
    }
}
