package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.error.AlreadyExistsException;
import dev.trent.server.error.DisabledException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Multi-Region keys: creation, replication with shared material, primary Region moves and rotation. */
class MultiRegionKeyServiceTest {

    private static final Scope EAST = new Scope("111122223333", "us-east-1");
    private static final Scope WEST = new Scope("111122223333", "eu-west-1");
    private static final Scope SOUTH = new Scope("111122223333", "ap-south-1");
    private static final byte[] PLAINTEXT = {4, 5, 6};

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

    private KmsKey newPrimary() {
        return keys.create(EAST, new NewKey("primary", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                Origin.AWS_KMS, Map.of(), true));
    }

    @Test
    void create_givesAnMrkIdAndAPrimaryKey() {
        KmsKey key = newPrimary();
        assertTrue(key.id().value().matches("mrk-[0-9a-f]{32}"));
        assertTrue(key.isPrimary());
        assertEquals("us-east-1", key.primaryRegion());
        assertEquals(List.of(key), keys.related(key));
        KmsKey single = keys.create(EAST, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                Origin.AWS_KMS, Map.of()));
        assertFalse(single.multiRegion());
    }

    @Test
    void replicate_sharesMaterialBothWays_andKeepsItsOwnMetadata() {
        KmsKey primary = newPrimary();
        String id = primary.id().value();
        KeyService.Replica replica = keys.replicate(EAST, id, "eu-west-1", "replica", Map.of("k", "v"), null);

        assertEquals(WEST, replica.key().scope());
        assertEquals(primary.id(), replica.key().id());
        assertEquals(KeyState.Creating, replica.key().state());
        assertEquals(KeyState.Enabled, repository.find(WEST, primary.id()).orElseThrow().metadata().state());
        assertEquals("replica", replica.key().description());
        assertEquals(Map.of("k", "v"), replica.key().tags());
        assertFalse(replica.key().isPrimary());
        assertEquals(KeyPolicies.defaultPolicy(EAST.account()), repository.policy(WEST, primary.id()).orElseThrow());
        assertEquals(2, keys.related(primary).size());

        byte[] east = encryption.encrypt(EAST, id, PLAINTEXT, Map.of(), null, false).ciphertext();
        assertArrayEquals(PLAINTEXT, encryption.decrypt(WEST, east, null, Map.of(), null, false).plaintext());
        byte[] west = encryption.encrypt(WEST, id, PLAINTEXT, Map.of(), null, false).ciphertext();
        assertArrayEquals(PLAINTEXT, encryption.decrypt(EAST, west, null, Map.of(), null, false).plaintext());
    }

    @Test
    void replicate_refusesReplicasSingleRegionKeysAndTakenRegions() {
        KmsKey primary = newPrimary();
        String id = primary.id().value();
        keys.replicate(EAST, id, "eu-west-1", "", Map.of(), null);

        UnsupportedOperationException ofReplica = assertThrows(UnsupportedOperationException.class,
                () -> keys.replicate(WEST, id, "ap-south-1", "", Map.of(), null));
        assertEquals(WEST.keyArn(primary.id()) + " is not a multi-region primary key.", ofReplica.getMessage());
        assertThrows(AlreadyExistsException.class, () -> keys.replicate(EAST, id, "eu-west-1", "", Map.of(), null));
        assertThrows(AlreadyExistsException.class, () -> keys.replicate(EAST, id, "us-east-1", "", Map.of(), null));

        KmsKey single = keys.create(EAST, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                Origin.AWS_KMS, Map.of()));
        assertThrows(UnsupportedOperationException.class,
                () -> keys.replicate(EAST, single.id().value(), "eu-west-1", "", Map.of(), null));

        keys.disable(EAST, id);
        assertThrows(DisabledException.class, () -> keys.replicate(EAST, id, "ap-south-1", "", Map.of(), null));
    }

    @Test
    void updatePrimaryRegion_swapsTypes_andSurvivesReload() {
        KmsKey primary = newPrimary();
        String id = primary.id().value();
        keys.replicate(EAST, id, "eu-west-1", "", Map.of(), null);
        keys.replicate(EAST, id, "ap-south-1", "", Map.of(), null);

        assertThrows(NotFoundException.class, () -> keys.updatePrimaryRegion(EAST, id, "us-west-2"));
        assertThrows(UnsupportedOperationException.class, () -> keys.updatePrimaryRegion(WEST, id, "us-east-1"));
        keys.updatePrimaryRegion(EAST, id, "eu-west-1");

        KeyRepository reloaded = KeyRepository.load(storage.barrier());
        for (Scope scope : List.of(EAST, WEST, SOUTH)) {
            assertEquals("eu-west-1", reloaded.find(scope, primary.id()).orElseThrow().metadata().primaryRegion());
        }
        assertTrue(reloaded.find(WEST, primary.id()).orElseThrow().metadata().isPrimary());
        assertFalse(reloaded.find(EAST, primary.id()).orElseThrow().metadata().isPrimary());
        assertEquals(3, reloaded.related(EAST.account(), primary.id()).size());
    }

    @Test
    void rotationOfThePrimary_reachesEveryReplica_andReplicasCannotRotate() {
        KmsKey primary = newPrimary();
        String id = primary.id().value();
        keys.replicate(EAST, id, "eu-west-1", "", Map.of(), null);

        KmsKey rotated = rotation.rotateOnDemand(EAST, id);
        KmsKey replica = keys.describe(WEST, id);
        assertEquals(rotated.materials(), replica.materials());
        byte[] blob = encryption.encrypt(EAST, id, PLAINTEXT, Map.of(), null, false).ciphertext();
        assertArrayEquals(PLAINTEXT, encryption.decrypt(WEST, blob, null, Map.of(), null, false).plaintext());
        assertThrows(UnsupportedOperationException.class, () -> rotation.rotateOnDemand(WEST, id));

        KeyRepository reloaded = KeyRepository.load(storage.barrier());
        assertEquals(2, reloaded.find(WEST, primary.id()).orElseThrow().materials().size());
    }
}
