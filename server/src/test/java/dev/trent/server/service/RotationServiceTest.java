package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.error.DisabledException;
import dev.trent.server.error.LimitExceededException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.RotationType;
import dev.trent.server.key.Scope;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rotation by the clock and on demand; old material keeps decrypting. */
class RotationServiceTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final byte[] PLAINTEXT = {1, 2, 3};

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier());
    private final KeyLookup lookup = new KeyLookup(repository);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final EncryptionService encryption = new EncryptionService(lookup);
    private final RotationService rotation = new RotationService(repository, lookup, clock);

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void automaticRotation_happensWhenTheClockPassesTheDate_andNeverOnRead() {
        String id = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT).id().value();
        byte[] before = encryption.encrypt(SCOPE, id, PLAINTEXT, Map.of(), null, false).ciphertext();
        rotation.enable(SCOPE, id, 90);
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), rotation.status(SCOPE, id).key().rotation().nextRotationDate());

        clock.advance(Duration.ofDays(90).minusMillis(1));
        assertEquals(0, rotation.rotateDue());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, keys.describe(SCOPE, id).materials().size(), "reads do not rotate");
        assertEquals(1, rotation.rotateDue());

        KmsKey rotated = keys.describe(SCOPE, id);
        assertEquals(2, rotated.materials().size());
        assertEquals(RotationType.AUTOMATIC, rotated.currentMaterial().rotationType());
        assertEquals(Instant.parse("2026-06-30T00:00:00Z"), rotated.rotation().nextRotationDate());
        assertArrayEquals(PLAINTEXT, encryption.decrypt(SCOPE, before, null, Map.of(), null, false).plaintext());
        assertEquals(rotated.materials().get(0).materialId(),
                encryption.decrypt(SCOPE, before, null, Map.of(), null, false).materialId());
    }

    @Test
    void onDemandRotation_isLimitedTo25_andNewCiphertextsUseTheNewestMaterial() {
        String id = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT).id().value();
        for (int i = 0; i < RotationService.MAX_ON_DEMAND_ROTATIONS; i++) {
            rotation.rotateOnDemand(SCOPE, id);
        }
        KmsKey key = keys.describe(SCOPE, id);
        assertEquals(26, key.materials().size());
        LimitExceededException limit = assertThrows(LimitExceededException.class, () -> rotation.rotateOnDemand(SCOPE, id));
        assertTrue(limit.getMessage().endsWith(key.arn()));

        byte[] blob = encryption.encrypt(SCOPE, id, PLAINTEXT, Map.of(), null, false).ciphertext();
        assertEquals(key.currentMaterial().materialId(), encryption.decrypt(SCOPE, blob, null, Map.of(), null, false).materialId());
        assertEquals(25, rotation.rotations(SCOPE, id, false).versions().size());
        assertEquals(26, rotation.rotations(SCOPE, id, true).versions().size());
        assertNull(rotation.rotations(SCOPE, id, true).versions().get(0).rotationType());
    }

    @Test
    void onlySymmetricEnabledKeysRotate() {
        String hmac = newKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC).id().value();
        UnsupportedOperationException unsupported = assertThrows(UnsupportedOperationException.class,
                () -> rotation.rotateOnDemand(SCOPE, hmac));
        assertNull(unsupported.getMessage());

        String disabled = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT).id().value();
        keys.disable(SCOPE, disabled);
        assertThrows(DisabledException.class, () -> rotation.rotateOnDemand(SCOPE, disabled));
    }

    @Test
    void pendingDeletion_reportsRotationOff_andCancellingRestoresIt() {
        String id = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT).id().value();
        rotation.enable(SCOPE, id, 365);
        keys.scheduleDeletion(SCOPE, id, 7);
        assertFalse(rotation.status(SCOPE, id).enabled());
        keys.cancelDeletion(SCOPE, id);
        assertTrue(rotation.status(SCOPE, id).enabled());
    }

    private KmsKey newKey(KeySpec spec, KeyUsage usage) {
        return keys.create(SCOPE, new NewKey("", spec, usage, Origin.AWS_KMS, Map.of()));
    }
}
