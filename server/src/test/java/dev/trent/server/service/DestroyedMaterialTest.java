package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.crypto.SecretAccess;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Once a key is destroyed, the material it held in memory is wiped, unless a related key still holds it. */
class DestroyedMaterialTest {

    private static final Scope EAST = new Scope("111122223333", "us-east-1");
    private static final Scope WEST = new Scope("111122223333", "us-west-2");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier(), clock);
    private final KeyLookup lookup = new KeyLookup(repository);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final EncryptionService encryption = new EncryptionService(lookup);
    private final DeletionSweeper sweeper = new DeletionSweeper(repository, clock);

    @AfterEach
    void close() {
        storage.close();
    }

    private KmsKey create(Scope scope, KeySpec spec, KeyUsage usage, boolean multiRegion) {
        return keys.create(scope, new NewKey("", spec, usage, Origin.AWS_KMS, Map.of(), multiRegion));
    }

    private KeyMaterial material(Scope scope, KmsKey key) {
        return repository.find(scope, key.id()).orElseThrow().currentMaterial();
    }

    private void destroy(Scope scope, KmsKey key) {
        keys.scheduleDeletion(scope, key.id().value(), 7);
        clock.advance(Duration.ofDays(7));
        assertEquals(List.of(key.id()), sweeper.sweep().stream().map(KmsKey::id).toList());
    }

    @Test
    void sweptKey_hasItsSecretBytesWiped_symmetricHmacRsaAndEcc() {
        List<SecretBytes> secrets = new ArrayList<>();
        List<KmsKey> created = List.of(
                create(EAST, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, false),
                create(EAST, KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC, false),
                create(EAST, KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT, false),
                create(EAST, KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY, false));
        for (KmsKey key : created) {
            SecretBytes secret = material(EAST, key).sealable();
            assertFalse(secret.isDestroyed());
            secrets.add(secret);
            destroy(EAST, key);
        }
        for (int i = 0; i < secrets.size(); i++) {
            SecretBytes secret = secrets.get(i);
            assertTrue(secret.isDestroyed(), created.get(i).spec() + " material is wiped");
            assertThrows(IllegalStateException.class, () -> secret.reveal(SecretAccess.INSTANCE),
                    "a late reader gets no zeros to use as a key");
        }
    }

    @Test
    void wipedSymmetricMaterial_refusesToEncrypt_ratherThanUseAZeroKey() {
        KmsKey key = create(EAST, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, false);
        KeyMaterial.Symmetric held = (KeyMaterial.Symmetric) material(EAST, key);
        destroy(EAST, key);
        assertThrows(IllegalStateException.class,
                () -> held.aead().encrypt(new byte[12], new byte[] {1}, new byte[0]));
    }

    @Test
    void destroyingAReplica_leavesThePrimarysSharedMaterialIntact() {
        KmsKey primary = create(EAST, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, true);
        keys.replicate(EAST, primary.id().value(), WEST.region(), "", Map.of(), null);
        KeyMaterial shared = material(EAST, primary);
        StoredKey replica = repository.find(WEST, primary.id()).orElseThrow();
        assertSame(shared, replica.currentMaterial(), "the replica holds the same material object");

        destroy(WEST, replica.metadata());

        assertFalse(shared.sealable().isDestroyed(), "the primary still uses it");
        byte[] blob = encryption.encrypt(EAST, primary.id().value(), new byte[] {7}, Map.of(), null, false)
                .ciphertext();
        assertArrayEquals(new byte[] {7},
                encryption.decrypt(EAST, blob, null, Map.of(), null, false).plaintext());

        destroy(EAST, primary);
        assertTrue(shared.sealable().isDestroyed(), "wiped with the last key holding it");
    }

    @Test
    void forgettingAllKeys_wipesEveryMaterial() {
        KmsKey key = create(EAST, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, false);
        SecretBytes secret = material(EAST, key).sealable();
        synchronized (repository) {
            repository.forgetAll();
        }
        assertTrue(secret.isDestroyed());
    }
}
