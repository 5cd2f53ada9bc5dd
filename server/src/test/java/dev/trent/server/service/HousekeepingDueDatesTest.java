package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.crypto.JcaKeyWrapping;
import dev.trent.server.key.ExpirationModel;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.WrappingAlgorithm;
import dev.trent.server.key.WrappingKeySpec;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When each time-driven task is next due, which is where time travel stops: exactly the keys the task's own
 * sweep would act on, and the earliest of them.
 */
class HousekeepingDueDatesTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier(), clock);
    private final KeyLookup lookup = new KeyLookup(repository, clock);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final RotationService rotation = new RotationService(repository, lookup, clock);
    private final ImportTokens tokens = new ImportTokens();
    private final ImportService imports = new ImportService(repository, lookup, tokens, clock);
    private final DeletionSweeper deletions = new DeletionSweeper(repository, clock);
    private final MaterialExpirySweeper expiries = new MaterialExpirySweeper(repository, tokens, clock);

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void deletion_isDueAtTheEarliestDeletionDate_andNothingAfterTheSweep() {
        assertEquals(Optional.empty(), deletions.nextDue());
        KmsKey late = newKey();
        KmsKey early = newKey();
        newKey();
        keys.scheduleDeletion(SCOPE, late.id().value(), 30);
        keys.scheduleDeletion(SCOPE, early.id().value(), 7);

        assertEquals(Optional.of(START.plus(Duration.ofDays(7))), deletions.nextDue());

        clock.advance(Duration.ofDays(7));
        assertEquals(1, deletions.sweep().size());
        assertEquals(Optional.of(START.plus(Duration.ofDays(30))), deletions.nextDue());
    }

    @Test
    void deletion_ofACancelledKey_isNotDue() {
        KmsKey key = newKey();
        keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        keys.cancelDeletion(SCOPE, key.id().value());

        assertEquals(Optional.empty(), deletions.nextDue());
    }

    @Test
    void rotation_isDueAtTheEarliestNextRotationDate_ofEnabledKeysOnly() {
        assertEquals(Optional.empty(), rotation.nextDue());
        String yearly = newKey().id().value();
        String quarterly = newKey().id().value();
        rotation.enable(SCOPE, yearly, 365);
        rotation.enable(SCOPE, quarterly, 90);

        assertEquals(Optional.of(START.plus(Duration.ofDays(90))), rotation.nextDue());

        keys.disable(SCOPE, quarterly);
        assertEquals(Optional.of(START.plus(Duration.ofDays(365))), rotation.nextDue(),
                "a disabled key does not rotate, so it is not due");

        clock.advance(Duration.ofDays(365));
        assertEquals(1, rotation.rotateDue());
        assertEquals(Optional.of(START.plus(Duration.ofDays(730))), rotation.nextDue());
    }

    @Test
    void materialExpiry_isDueAtTheEarliestValidTo_ofMaterialStillThere() throws Exception {
        assertEquals(Optional.empty(), expiries.nextDue());
        KmsKey forever = externalKey();
        KmsKey expiring = externalKey();
        importInto(forever, null);
        importInto(expiring, START.plus(Duration.ofHours(2)));

        assertEquals(Optional.of(START.plus(Duration.ofHours(2))), expiries.nextDue());

        clock.advance(Duration.ofHours(2));
        assertEquals(1, expiries.sweep().size());
        assertEquals(Optional.empty(), expiries.nextDue(), "expired material is gone, so nothing more is due");
    }

    private KmsKey newKey() {
        return keys.create(SCOPE, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS,
                Map.of()));
    }

    private KmsKey externalKey() {
        return keys.create(SCOPE, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL,
                Map.of()));
    }

    private void importInto(KmsKey key, Instant validTo) throws Exception {
        ImportService.Parameters parameters = imports.parametersFor(SCOPE, key.arn(),
                WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        byte[] wrapped = JcaKeyWrapping.wrap(WrappingAlgorithm.RSAES_OAEP_SHA_256.name(), parameters.publicKey(),
                material);
        imports.importMaterial(SCOPE, new ImportService.ImportRequest(key.id().value(), parameters.importToken(),
                wrapped, validTo == null ? ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE
                        : ExpirationModel.KEY_MATERIAL_EXPIRES, validTo, null, null));
    }
}
