package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.Attribution;
import dev.trent.server.key.lifecycle.Cryptoperiods;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.LifecycleEvent;
import dev.trent.server.key.lifecycle.NistPhase;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Phases, history, cryptoperiods and compromise through the services, with a clock the test moves. */
class LifecycleServiceTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final byte[] PLAINTEXT = {1, 2, 3};
    private static final String ADMIN = "admin API";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier(), clock);
    private final KeyLookup lookup = new KeyLookup(repository, clock);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final LifecycleService lifecycle = new LifecycleService(repository, lookup, keys, clock);
    private final EncryptionService encryption = new EncryptionService(lookup);
    private final DeletionSweeper deletion = new DeletionSweeper(repository, clock);
    private final CryptoperiodSweeper periods = new CryptoperiodSweeper(repository);

    @AfterEach
    void close() {
        storage.close();
    }

    private KmsKey newKey() {
        return new Attribution("CreateKey", "access key AKIA (account 111122223333)", null).during(() ->
                keys.create(SCOPE, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                        Origin.AWS_KMS, Map.of())));
    }

    private byte[] encrypt(KmsKey key) {
        return encryption.encrypt(SCOPE, key.id().value(), PLAINTEXT, Map.of(), null, false).ciphertext();
    }

    private byte[] decrypt(byte[] blob) {
        return encryption.decrypt(SCOPE, blob, null, Map.of(), null, false).plaintext();
    }

    private static List<String> triggers(LifecycleService.View view) {
        return view.lifecycle().history().stream().map(LifecycleEvent::trigger).toList();
    }

    @Test
    void history_tellsEveryTransition_withTriggerCallerAndReason_inOrder() {
        KmsKey key = newKey();
        clock.advance(Duration.ofHours(1));
        new Attribution("DisableKey", "access key AKIA (account 111122223333)", null)
                .during(() -> keys.disable(SCOPE, key.id().value()));
        clock.advance(Duration.ofHours(1));
        lifecycle.resume(SCOPE, key.id().value(), ADMIN, "incident closed");

        LifecycleService.View view = lifecycle.view(SCOPE, key.id().value());

        assertEquals(NistPhase.ACTIVE, view.phase());
        List<LifecycleEvent> history = view.lifecycle().history();
        assertEquals(List.of("CreateKey", "DisableKey", "resume (EnableKey)"), triggers(view));
        LifecycleEvent created = history.get(0);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), created.at());
        assertEquals(null, created.awsFrom());
        assertEquals(KeyState.Enabled, created.awsTo());
        assertEquals(NistPhase.ACTIVE, created.phaseTo());
        LifecycleEvent disabled = history.get(1);
        assertEquals("access key AKIA (account 111122223333)", disabled.caller());
        assertEquals(NistPhase.SUSPENDED, disabled.phaseTo());
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), disabled.at());
        LifecycleEvent resumed = history.get(2);
        assertEquals(ADMIN, resumed.caller());
        assertEquals("incident closed", resumed.reason());
        assertEquals(NistPhase.SUSPENDED, resumed.phaseFrom());
        assertEquals(NistPhase.ACTIVE, resumed.phaseTo());
    }

    @Test
    void suspendAndResume_needAReason() {
        KmsKey key = newKey();
        assertThrows(ValidationException.class, () -> lifecycle.suspend(SCOPE, key.id().value(), ADMIN, " "));
    }

    @Test
    void cryptoperiods_stopProtectionThenProcessing_andTheirEndsAreRecordedWhenTheyHappened() {
        KmsKey key = newKey();
        byte[] early = encrypt(key);
        lifecycle.setCryptoperiods(SCOPE, key.id().value(),
                new Cryptoperiods(Duration.ofDays(30), Duration.ofDays(60)), ADMIN, "policy 12");

        clock.advance(Duration.ofDays(45));
        KMSInvalidStateException refused = assertThrows(KMSInvalidStateException.class, () -> encrypt(key));
        assertTrue(refused.getMessage().contains("originator-usage period ended"), refused.getMessage());
        assertArrayEquals(PLAINTEXT, decrypt(early));
        assertEquals(NistPhase.DEACTIVATED, lifecycle.view(SCOPE, key.id().value()).phase());

        clock.advance(Duration.ofDays(30));
        assertThrows(KMSInvalidStateException.class, () -> decrypt(early));
        assertEquals(1, periods.sweep());
        assertEquals(0, periods.sweep(), "each end is recorded once");

        List<LifecycleEvent> history = lifecycle.view(SCOPE, key.id().value()).lifecycle().history();
        LifecycleEvent originator = history.get(2);
        assertEquals("originator-usage period ended", originator.trigger());
        assertEquals(key.creationDate().plus(Duration.ofDays(30)), originator.at());
        assertEquals(NistPhase.ACTIVE, originator.phaseFrom());
        assertEquals(NistPhase.DEACTIVATED, originator.phaseTo());
        LifecycleEvent recipient = history.get(3);
        assertEquals("recipient-usage period ended", recipient.trigger());
        assertEquals(key.creationDate().plus(Duration.ofDays(60)), recipient.at());
    }

    @Test
    void clearingCryptoperiods_makesADeactivatedKeyActiveAgain() {
        KmsKey key = newKey();
        lifecycle.setCryptoperiods(SCOPE, key.id().value(), new Cryptoperiods(Duration.ofDays(1), null), ADMIN, null);
        clock.advance(Duration.ofDays(2));
        assertThrows(KMSInvalidStateException.class, () -> encrypt(key));

        LifecycleService.View view = lifecycle.clearCryptoperiods(SCOPE, key.id().value(), ADMIN, "extended");

        assertEquals(NistPhase.ACTIVE, view.phase());
        encrypt(key);
        assertEquals(List.of("CreateKey", "cryptoperiods set", "originator-usage period ended",
                "cryptoperiods cleared"), triggers(view));
    }

    @Test
    void nextDue_isTheEarliestUnrecordedEnd() {
        KmsKey key = newKey();
        assertTrue(periods.nextDue().isEmpty());
        lifecycle.setCryptoperiods(SCOPE, key.id().value(),
                new Cryptoperiods(Duration.ofDays(30), Duration.ofDays(60)), ADMIN, null);
        assertEquals(key.creationDate().plus(Duration.ofDays(30)), periods.nextDue().orElseThrow());
        clock.advance(Duration.ofDays(31));
        periods.sweep();
        assertEquals(key.creationDate().plus(Duration.ofDays(60)), periods.nextDue().orElseThrow());
    }

    @Test
    void compromise_stopsProtection_allowsProcessingOnlyWhenAsked_andIsForGood() {
        KmsKey kept = newKey();
        KmsKey lost = newKey();
        byte[] keptBlob = encrypt(kept);
        byte[] lostBlob = encrypt(lost);

        lifecycle.compromise(SCOPE, kept.id().value(), ADMIN, "key in a public repo", true);
        lifecycle.compromise(SCOPE, lost.id().value(), ADMIN, "key in a public repo", false);

        assertThrows(KMSInvalidStateException.class, () -> encrypt(kept));
        assertArrayEquals(PLAINTEXT, decrypt(keptBlob));
        assertThrows(KMSInvalidStateException.class, () -> decrypt(lostBlob));
        KMSInvalidStateException again = assertThrows(KMSInvalidStateException.class,
                () -> lifecycle.compromise(SCOPE, kept.id().value(), ADMIN, "again", false));
        assertEquals(kept.arn() + " is already compromised.", again.getMessage());
        new Attribution("EnableKey", ADMIN, null).during(() -> keys.enable(SCOPE, kept.id().value()));
        assertEquals(NistPhase.COMPROMISED, lifecycle.view(SCOPE, kept.id().value()).phase());
    }

    @Test
    void destroyedKey_keepsItsHistory_andACompromisedOneEndsDestroyedCompromised() {
        KmsKey key = newKey();
        lifecycle.compromise(SCOPE, key.id().value(), ADMIN, "stolen", false);
        keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        clock.advance(Duration.ofDays(8));
        deletion.sweep();

        LifecycleService.View view = lifecycle.view(SCOPE, key.arn());

        assertTrue(view.key().isEmpty());
        assertEquals(NistPhase.DESTROYED_COMPROMISED, view.phase());
        LifecycleEvent last = view.lifecycle().history().get(view.lifecycle().history().size() - 1);
        assertEquals("the deletion window ended", last.trigger());
        assertEquals(KeyState.PendingDeletion, last.awsFrom());
        assertEquals(null, last.awsTo());
        assertEquals(NistPhase.DESTROYED_COMPROMISED, last.phaseTo());
    }

    @Test
    void lifecycleRecords_surviveReloading() {
        KmsKey key = newKey();
        lifecycle.setCryptoperiods(SCOPE, key.id().value(),
                new Cryptoperiods(Duration.ofDays(30), Duration.ofDays(60)), ADMIN, "policy 12");
        lifecycle.compromise(SCOPE, key.id().value(), ADMIN, "stolen", true);

        KeyRepository reloaded = KeyRepository.load(storage.barrier(), clock);

        assertEquals(repository.lifecycle().get(SCOPE, key.id()), reloaded.lifecycle().get(SCOPE, key.id()));
    }
}
