package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.api.KeyPolicyDocument;
import dev.trent.server.error.AccessDeniedException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.key.Alias;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.ExpirationModel;
import dev.trent.server.key.KeyManager;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.WrappingAlgorithm;
import dev.trent.server.key.WrappingKeySpec;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** AWS managed keys: created on first use of their alias, used like any key, changed by nobody. */
class AwsManagedKeysTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final String S3 = "alias/aws/s3";
    private static final byte[] PLAINTEXT = {4, 5, 6};

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier());
    private final KeyLookup lookup = new KeyLookup(repository, clock);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final AliasService aliases = new AliasService(repository, lookup, clock);
    private final EncryptionService encryption = new EncryptionService(lookup);
    private final RotationService rotation = new RotationService(repository, lookup, clock);
    private final PolicyService policies = new PolicyService(repository, lookup, KeyPolicyDocument::validate);
    private final ImportService imports = new ImportService(repository, lookup, new ImportTokens(), clock);

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void describeKey_onAMissingAwsAlias_createsTheAwsManagedKeyAndItsAlias() {
        KmsKey key = keys.describe(SCOPE, S3);

        assertEquals(KeyManager.AWS, key.keyManager());
        assertEquals(KeySpec.SYMMETRIC_DEFAULT, key.spec());
        assertEquals(KeyUsage.ENCRYPT_DECRYPT, key.usage());
        assertEquals(Origin.AWS_KMS, key.origin());
        assertEquals(KeyState.Enabled, key.state());
        assertEquals(clock.instant(), key.creationDate());
        assertEquals("AWS managed key for s3, created by Trent on first use of alias/aws/s3.", key.description());
        assertFalse(key.multiRegion());
        assertEquals(Map.of(), key.tags());
        Alias alias = repository.aliases().find(SCOPE, new AliasName(S3)).orElseThrow();
        assertEquals(key.id(), alias.target());
        assertEquals(clock.instant(), alias.created());
        assertEquals(clock.instant(), alias.lastUpdated());
        assertEquals(List.of(alias), aliases.list(SCOPE, key.id().value()));
        assertEquals(List.of(key), keys.list(SCOPE));
    }

    @Test
    void laterUses_findTheSameKey_byAliasNameAliasArnKeyIdAndKeyArn() {
        KmsKey first = keys.describe(SCOPE, S3);
        clock.advance(Duration.ofMinutes(1));

        assertEquals(first, keys.describe(SCOPE, S3));
        assertEquals(first, keys.describe(SCOPE, SCOPE.aliasArn(new AliasName(S3))));
        assertEquals(first, keys.describe(SCOPE, first.id().value()));
        assertEquals(first, keys.describe(SCOPE, first.arn()));
        assertEquals(1, keys.list(SCOPE).size());
    }

    @Test
    void encrypt_withTheAliasArnOfAMissingKey_createsItAndEncrypts_andDecryptFindsIt() {
        String aliasArn = SCOPE.aliasArn(new AliasName("alias/aws/secretsmanager"));
        Results.Encrypted encrypted = encryption.encrypt(SCOPE, aliasArn, PLAINTEXT, Map.of("a", "b"), null, false);

        assertEquals(KeyManager.AWS, encrypted.key().keyManager());
        Results.Decrypted decrypted = encryption.decrypt(SCOPE, encrypted.ciphertext(), null, Map.of("a", "b"), null,
                false);
        assertArrayEquals(PLAINTEXT, decrypted.plaintext());
        assertEquals(encrypted.key().id(), decrypted.key().id());
    }

    @Test
    void concurrentFirstUses_createOneKey() throws Exception {
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<KmsKey>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                boolean describe = i % 2 == 0;
                Callable<KmsKey> use = () -> {
                    start.await();
                    return describe ? keys.describe(SCOPE, "alias/aws/ebs")
                            : encryption.encrypt(SCOPE, "alias/aws/ebs", PLAINTEXT, Map.of(), null, false).key();
                };
                results.add(pool.submit(use));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<KmsKey> result : results) {
                ids.add(result.get().id().value());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, keys.list(SCOPE).size());
        assertEquals(1, aliases.list(SCOPE, null).size());
    }

    @Test
    void everyAccountAndRegion_getsItsOwnKey() {
        Scope west = new Scope(SCOPE.account(), "us-west-2");
        Scope otherAccount = new Scope("444455556666", SCOPE.region());

        Set<String> ids = Set.of(keys.describe(SCOPE, S3).arn(), keys.describe(west, S3).arn(),
                keys.describe(otherAccount, S3).arn());

        assertEquals(3, ids.size());
        assertEquals(1, keys.list(west).size());
        assertEquals(1, keys.list(otherAccount).size());
    }

    @Test
    void namesOutsideTheAcceptedPattern_stayUnknownAliases_andCreateNothing() {
        for (String name : List.of("alias/aws/S3", "alias/aws/", "alias/aws//s3", "alias/aws/s3/", "alias/aws/-s3",
                "alias/aws/" + "a".repeat(247), "alias/app")) {
            assertEquals("Alias " + SCOPE.aliasArn(new AliasName(name)) + " is not found.",
                    assertThrows(NotFoundException.class, () -> keys.describe(SCOPE, name)).getMessage(), name);
        }
        assertTrue(AwsManagedKeys.accepts(new AliasName("alias/aws/" + "a".repeat(246))));
        assertTrue(AwsManagedKeys.accepts(new AliasName("alias/aws/my_service/sub-part2")));
        assertEquals(List.of(), keys.list(SCOPE));
        assertEquals(List.of(), aliases.list(SCOPE, null));
    }

    @Test
    void operationsThatRejectAliases_doNotCreateAnything() {
        assertEquals("Invalid keyId '" + S3 + "'",
                assertThrows(NotFoundException.class, () -> keys.disable(SCOPE, S3)).getMessage());
        assertEquals(List.of(), keys.list(SCOPE));
    }

    @Test
    void rotation_isOnWithAYearlyPeriod_andHappensAfterAYear() {
        KmsKey key = keys.describe(SCOPE, S3);

        RotationService.Status status = rotation.status(SCOPE, key.id().value());
        assertTrue(status.enabled());
        assertEquals(AwsManagedKeys.ROTATION_PERIOD_DAYS, status.key().rotation().periodInDays());
        assertEquals(clock.instant().plus(Duration.ofDays(365)), status.key().rotation().nextRotationDate());

        byte[] before = encryption.encrypt(SCOPE, S3, PLAINTEXT, Map.of(), null, false).ciphertext();
        clock.advance(Duration.ofDays(365));
        assertEquals(1, rotation.rotateDue());
        KmsKey rotated = keys.describe(SCOPE, S3);
        assertEquals(2, rotated.materials().size());
        assertEquals(KeyManager.AWS, rotated.keyManager(), "rotation keeps the key manager");
        assertArrayEquals(PLAINTEXT, encryption.decrypt(SCOPE, before, null, Map.of(), null, false).plaintext());
    }

    @Test
    void keyPolicy_allowsUseThroughTheServiceAndReadingByTheAccount_andPassesTheChecksOfPutKeyPolicy() {
        KmsKey key = keys.describe(SCOPE, S3);
        String policy = policies.get(SCOPE, key.id().value(), "default").document();

        assertEquals(AwsManagedKeys.policy(SCOPE, "s3"), policy);
        assertTrue(policy.contains("\"kms:ViaService\" : \"s3.us-east-1.amazonaws.com\""));
        assertTrue(policy.contains("\"kms:CallerAccount\" : \"111122223333\""));
        assertTrue(policy.contains("\"AWS\" : \"arn:aws:iam::111122223333:root\""));
        KeyPolicyDocument.validate(policy, SCOPE.account(), true);
        assertTrue(AwsManagedKeys.policy(SCOPE, "ebs").contains("\"kms:ViaService\" : \"ec2.us-east-1.amazonaws.com\""),
                "EBS volumes are encrypted through EC2");
    }

    @Test
    void everyManagementOperation_isAccessDenied_andChangesNothing() {
        KmsKey key = keys.describe(SCOPE, S3);
        String id = key.id().value();
        keys.create(SCOPE, new NewKey("customer", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                Origin.AWS_KMS, Map.of()));
        String customer = keys.list(SCOPE).stream().filter(k -> !k.awsManaged()).findFirst().orElseThrow().id().value();
        aliases.create(SCOPE, new AliasName("alias/app"), customer);

        assertDenied("DisableKey", key, () -> keys.disable(SCOPE, id));
        assertDenied("EnableKey", key, () -> keys.enable(SCOPE, id));
        assertDenied("ScheduleKeyDeletion", key, () -> keys.scheduleDeletion(SCOPE, id, 7));
        assertDenied("CancelKeyDeletion", key, () -> keys.cancelDeletion(SCOPE, id));
        assertDenied("UpdateKeyDescription", key, () -> keys.updateDescription(SCOPE, id, "mine"));
        assertDenied("TagResource", key, () -> keys.tag(SCOPE, id, List.of(new Tags.Tag("k", "v"))));
        assertDenied("UntagResource", key, () -> keys.untag(SCOPE, id, List.of("k")));
        assertDenied("ReplicateKey", key, () -> keys.replicate(SCOPE, id, "us-west-2", "", Map.of(), null));
        assertDenied("UpdatePrimaryRegion", key, () -> keys.updatePrimaryRegion(SCOPE, id, "us-west-2"));
        assertDenied("PutKeyPolicy", key, () -> policies.put(SCOPE, id, "default",
                KeyPolicies.defaultPolicy(SCOPE.account()), false));
        assertDenied("EnableKeyRotation", key, () -> rotation.enable(SCOPE, id, 90));
        assertDenied("DisableKeyRotation", key, () -> rotation.disable(SCOPE, id));
        assertDenied("RotateKeyOnDemand", key, () -> rotation.rotateOnDemand(SCOPE, id));
        assertDenied("ImportKeyMaterial", key, () -> imports.importMaterial(SCOPE, new ImportService.ImportRequest(
                id, new byte[16], new byte[32], ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE, null, null, null)));
        assertDenied("DeleteImportedKeyMaterial", key, () -> imports.deleteMaterial(SCOPE, id, null));
        assertDenied("CreateAlias", key, () -> aliases.create(SCOPE, new AliasName("alias/mine"), id));
        assertDenied("UpdateAlias", key, () -> aliases.update(SCOPE, new AliasName("alias/app"), id));

        assertEquals(key, keys.describe(SCOPE, id));
        assertEquals(AwsManagedKeys.policy(SCOPE, "s3"), policies.get(SCOPE, id, "default").document());
        assertEquals(2, aliases.list(SCOPE, null).size());
        assertEquals(customer, repository.aliases().find(SCOPE, new AliasName("alias/app")).orElseThrow().target().value());
    }

    @Test
    void readingOperations_stayAllowed_withTheirOwnChecks() {
        KmsKey key = keys.describe(SCOPE, S3);
        String id = key.id().value();

        assertEquals(Map.of(), keys.tags(SCOPE, id));
        assertEquals(List.of("default"), policies.names(SCOPE, id));
        assertEquals(1, rotation.rotations(SCOPE, id, true).versions().size());
        assertEquals(key.arn() + " origin is AWS_KMS which is not valid for this operation.",
                assertThrows(UnsupportedOperationException.class, () -> imports.parametersFor(SCOPE, id,
                        WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048)).getMessage());
    }

    @Test
    void theRefusedOperations_areExactlyThoseThatChangeAKeyOrItsAliases() {
        Set<KeyOperation> refused = new HashSet<>();
        for (KeyOperation operation : KeyOperation.values()) {
            if (AwsManagedKeyRules.refused(operation)) {
                refused.add(operation);
            }
        }
        assertEquals(Set.of(KeyOperation.CancelKeyDeletion, KeyOperation.CreateAlias, KeyOperation.DeleteAlias,
                KeyOperation.DeleteImportedKeyMaterial, KeyOperation.DisableKey, KeyOperation.DisableKeyRotation,
                KeyOperation.EnableKey, KeyOperation.EnableKeyRotation, KeyOperation.ImportKeyMaterial,
                KeyOperation.PutKeyPolicy, KeyOperation.ReplicateKey, KeyOperation.RotateKeyOnDemand,
                KeyOperation.ScheduleKeyDeletion, KeyOperation.TagResource, KeyOperation.UntagResource,
                KeyOperation.UpdateAlias, KeyOperation.UpdateKeyDescription, KeyOperation.UpdatePrimaryRegion),
                refused);
    }

    @Test
    void theKeyAndItsAlias_surviveAReload() {
        KmsKey key = keys.describe(SCOPE, S3);

        KeyRepository reloaded = KeyRepository.load(storage.barrier());

        assertEquals(key, reloaded.find(SCOPE, key.id()).orElseThrow().metadata());
        assertEquals(key.id(), reloaded.aliases().find(SCOPE, new AliasName(S3)).orElseThrow().target());
        assertEquals(AwsManagedKeys.policy(SCOPE, "s3"), reloaded.policy(SCOPE, key.id()).orElseThrow());
    }

    private static void assertDenied(String operation, KmsKey key, Executable call) {
        assertEquals("User: arn:aws:iam::111122223333:root is not authorized to perform: kms:" + operation
                        + " on resource: " + key.arn() + " because no resource-based policy allows the kms:"
                        + operation + " action",
                assertThrows(AccessDeniedException.class, call, operation).getMessage(), operation);
    }
}
