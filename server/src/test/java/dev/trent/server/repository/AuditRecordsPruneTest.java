package dev.trent.server.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.audit.ApiCall;
import dev.trent.server.audit.AuditChain;
import dev.trent.server.audit.AuditEvent;
import dev.trent.server.audit.ChainVerifier;
import dev.trent.server.audit.DigestPolicy;
import dev.trent.server.audit.KmsCalls;
import dev.trent.server.audit.UserIdentity;
import dev.trent.server.auth.Principal;
import dev.trent.server.time.MovableClock;
import dev.trent.storage.Storage;
import dev.trent.storage.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention removes the oldest events; the chain that is left still checks, from where it now starts. */
class AuditRecordsPruneTest {

    private final MovableClock clock = new MovableClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
            ZoneOffset.UTC));
    private final Storage storage = Storage.inMemory();
    private final AuditRecords records = new AuditRecords(storage.barrier());
    private AuditChain chain;

    @BeforeEach
    void tenDaysOfOneEventADay_withADigestEveryThree() {
        chain = records.openChain(clock, new DigestPolicy(3, Duration.ofDays(365)));
        for (int day = 0; day < 10; day++) {
            chain.append(List.of(event("Encrypt")), records::write);
            clock.advance(Duration.ofDays(1));
        }
    }

    @Test
    void pruning_removesWhatIsOlderThanTheCutoff_andTheRestStillVerifies() {
        int pruned = records.prune(chain, clock.instant().minus(Duration.ofDays(6)));

        assertEquals(4, pruned);
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L), List.copyOf(records.events().keySet()));
        ChainVerifier.Verdict verdict = ChainVerifier.verify(records.log(chain.key()));
        assertEquals(List.of(), verdict.problems());
        assertEquals(5, chain.head().firstSequence());
        assertEquals(0, records.prune(chain, clock.instant().minus(Duration.ofDays(6))), "nothing more is due");
    }

    @Test
    void removingMoreOldEvents_byWhoeverHoldsTheKey_isFoundByTheSignedStart() {
        records.prune(chain, clock.instant().minus(Duration.ofDays(6)));
        // Delete event 5 and move the head's start past it: only the signed digest still knows the start.
        String head = new String(storage.barrier().get("audit/head").orElseThrow(), StandardCharsets.UTF_8);
        String sixPrevious = hashOf(5);
        storage.barrier().commit(new WriteBatch().delete(AuditRecords.eventPath(5)).put("audit/head",
                head.replace("\"firstSequence\":5", "\"firstSequence\":6")
                        .replaceAll("\"firstPreviousHash\":\"[0-9a-f]+\"", "\"firstPreviousHash\":\"" + sixPrevious
                                + "\"").getBytes(StandardCharsets.UTF_8)));

        ChainVerifier.Verdict verdict = ChainVerifier.verify(records.log(chain.key()));
        assertEquals(Optional.of(5L), verdict.firstBrokenEvent(), verdict.problems().toString());
        assertTrue(verdict.problems().get(0).endsWith("but it starts at event 6: events at its start were removed"),
                verdict.problems().toString());
    }

    @Test
    void pruningEverything_leavesAnEmptyChainThatVerifies_andContinues() {
        records.prune(chain, clock.instant().plusSeconds(1));
        assertEquals(List.of(), List.copyOf(records.events().keySet()));
        chain.append(List.of(event("Decrypt")), records::write);
        assertEquals(List.of(11L), List.copyOf(records.events().keySet()));
        assertEquals(List.of(), ChainVerifier.verify(records.log(chain.key())).problems());
    }

    private String hashOf(long sequence) {
        return records.events().get(sequence).hash();
    }

    private AuditEvent event(String operation) {
        ApiCall call = KmsCalls.describe("TrentService." + operation, "{}".getBytes(StandardCharsets.UTF_8),
                "us-east-1", new UserIdentity(Principal.root("111122223333"), null), "127.0.0.1", "test", "r");
        return call.event(clock.instant(), ApiCall.Outcome.succeeded(null, List.of()));
    }
}
