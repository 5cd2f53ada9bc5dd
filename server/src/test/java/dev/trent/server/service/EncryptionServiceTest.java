package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.error.AccessDeniedException;
import dev.trent.server.error.DisabledException;
import dev.trent.server.error.IncorrectKeyException;
import dev.trent.server.error.InvalidCiphertextException;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.KmsException;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.EncryptionAlgorithm;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Symmetric Encrypt and Decrypt with AWS's errors for every way a ciphertext can be wrong. */
class EncryptionServiceTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final String INCORRECT_KEY =
            "The key ID in the request does not identify a CMK that can perform this operation.";
    private static final String UNKNOWN_KEY = "The ciphertext refers to a customer master key that does not exist, "
            + "does not exist in this region, or you are not allowed to access.";
    private static final byte[] PLAINTEXT = "attack at dawn".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> CONTEXT = Map.of("purpose", "test", "tenant", "42");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier());
    private final KeyLookup lookup = new KeyLookup(repository);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final AliasService aliases = new AliasService(repository, lookup, clock);
    private final EncryptionService encryption = new EncryptionService(lookup);

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void decrypt_withoutKeyId_findsTheKeyInTheBlob_andReportsItsMaterial() {
        KmsKey key = newKey();
        aliases.create(SCOPE, new AliasName("alias/app"), key.id().value());
        byte[] blob = encryption.encrypt(SCOPE, "alias/app", PLAINTEXT, CONTEXT, null, false).ciphertext();

        Results.Decrypted decrypted = encryption.decrypt(SCOPE, blob, null, CONTEXT, null, false);
        assertArrayEquals(PLAINTEXT, decrypted.plaintext());
        assertEquals(key.arn(), decrypted.key().arn());
        assertEquals(EncryptionAlgorithm.SYMMETRIC_DEFAULT, decrypted.algorithm());
        assertEquals(key.currentMaterial().materialId(), decrypted.materialId());
        for (String sameKey : List.of(key.id().value(), key.arn(), "alias/app", SCOPE.aliasArn(new AliasName("alias/app")))) {
            assertArrayEquals(PLAINTEXT, encryption.decrypt(SCOPE, blob, sameKey, CONTEXT, null, false).plaintext(), sameKey);
        }
    }

    @Test
    void decrypt_ciphertextFromOtherKey_throwsIncorrectKey_howeverTheOtherKeyIsNamed() {
        KmsKey key = newKey();
        KmsKey other = newKey();
        aliases.create(SCOPE, new AliasName("alias/other"), other.id().value());
        byte[] blob = encryption.encrypt(SCOPE, key.id().value(), PLAINTEXT, CONTEXT, null, false).ciphertext();

        for (String otherKey : List.of(other.id().value(), other.arn(), "alias/other",
                SCOPE.aliasArn(new AliasName("alias/other")))) {
            IncorrectKeyException e = assertThrows(IncorrectKeyException.class,
                    () -> encryption.decrypt(SCOPE, blob, otherKey, CONTEXT, null, false), otherKey);
            assertEquals(INCORRECT_KEY, e.getMessage());
        }
    }

    @Test
    void decrypt_withAnyContextButTheOriginal_throwsInvalidCiphertext_withoutMessage() {
        KmsKey key = newKey();
        byte[] blob = encryption.encrypt(SCOPE, key.id().value(), PLAINTEXT, CONTEXT, null, false).ciphertext();
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("tenant", "42");
        reordered.put("purpose", "test");
        assertArrayEquals(PLAINTEXT, encryption.decrypt(SCOPE, blob, null, reordered, null, false).plaintext());

        List<Map<String, String>> wrong = List.of(Map.of(), Map.of("purpose", "test"),
                Map.of("purpose", "test", "tenant", "43"), Map.of("Purpose", "test", "tenant", "42"),
                Map.of("purpose", "test", "tenant", "42", "extra", ""));
        for (Map<String, String> context : wrong) {
            InvalidCiphertextException e = assertThrows(InvalidCiphertextException.class,
                    () -> encryption.decrypt(SCOPE, blob, null, context, null, false), context.toString());
            assertEquals(Optional.empty(), e.awsMessage());
        }
    }

    @Test
    void decrypt_ofABlobWithAnyByteOutsideTheKeyIdChanged_throwsInvalidCiphertext() {
        KmsKey key = newKey();
        byte[] blob = encryption.encrypt(SCOPE, key.id().value(), PLAINTEXT, Map.of(), null, false).ciphertext();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < blob.length; i++) {
            if (i >= 2 && i < 2 + 36) {
                continue; // the key id: a changed id names another key, which is AccessDenied (below)
            }
            byte[] tampered = blob.clone();
            tampered[i] ^= 0x01;
            String outcome = outcome(() -> encryption.decrypt(SCOPE, tampered, null, Map.of(), null, false));
            if (!outcome.equals("InvalidCiphertextException")) {
                failures.add("byte " + i + ": " + outcome);
            }
        }
        for (byte[] garbage : new byte[][] {{1}, {0}, "not a blob".getBytes(StandardCharsets.US_ASCII),
                java.util.Arrays.copyOf(blob, blob.length - 1)}) {
            String outcome = outcome(() -> encryption.decrypt(SCOPE, garbage, null, Map.of(), null, false));
            if (!outcome.equals("InvalidCiphertextException")) {
                failures.add(garbage.length + "-byte garbage: " + outcome);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void decrypt_ofABlobNamingAKeyOutsideTheCallersScope_throwsAccessDenied() {
        KmsKey key = newKey();
        byte[] blob = encryption.encrypt(SCOPE, key.id().value(), PLAINTEXT, Map.of(), null, false).ciphertext();

        for (Scope elsewhere : List.of(new Scope("111122223333", "eu-west-1"), new Scope("444455556666", "us-east-1"))) {
            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                    () -> encryption.decrypt(elsewhere, blob, null, Map.of(), null, false), elsewhere.toString());
            assertEquals(UNKNOWN_KEY, e.getMessage());
        }
        byte[] unknownId = blob.clone();
        unknownId[2] = (byte) (unknownId[2] == 'f' ? 'e' : 'f');
        assertEquals(UNKNOWN_KEY, assertThrows(AccessDeniedException.class,
                () -> encryption.decrypt(SCOPE, unknownId, null, Map.of(), null, false)).getMessage());
    }

    @Test
    void decrypt_underADisabledOrPendingDeletionKey_givesTheStateError_andWorksAgainWhenEnabled() {
        KmsKey key = newKey();
        byte[] blob = encryption.encrypt(SCOPE, key.id().value(), PLAINTEXT, Map.of(), null, false).ciphertext();

        keys.disable(SCOPE, key.id().value());
        assertEquals(key.arn() + " is disabled.", assertThrows(DisabledException.class,
                () -> encryption.decrypt(SCOPE, blob, null, Map.of(), null, false)).getMessage());
        assertEquals(key.arn() + " is disabled.", assertThrows(DisabledException.class,
                () -> encryption.encrypt(SCOPE, key.id().value(), PLAINTEXT, Map.of(), null, false)).getMessage());

        keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        assertEquals(key.arn() + " is pending deletion.", assertThrows(KMSInvalidStateException.class,
                () -> encryption.decrypt(SCOPE, blob, null, Map.of(), null, false)).getMessage());
        assertEquals(key.arn() + " is pending deletion.", assertThrows(KMSInvalidStateException.class,
                () -> encryption.generateDataKey(SCOPE, key.id().value(), 32, Map.of(),
                        KeyOperation.GenerateDataKey, false)).getMessage());

        keys.cancelDeletion(SCOPE, key.id().value());
        assertThrows(DisabledException.class, () -> encryption.decrypt(SCOPE, blob, null, Map.of(), null, false));
        keys.enable(SCOPE, key.id().value());
        assertArrayEquals(PLAINTEXT, encryption.decrypt(SCOPE, blob, null, Map.of(), null, false).plaintext());
    }

    @Test
    void dataKey_decryptsToItsPlaintext_underItsContext() {
        KmsKey key = newKey();
        Results.DataKey dataKey = encryption.generateDataKey(SCOPE, key.arn(), 32, CONTEXT,
                KeyOperation.GenerateDataKey, false);
        assertEquals(32, dataKey.plaintext().length);
        assertArrayEquals(dataKey.plaintext(),
                encryption.decrypt(SCOPE, dataKey.ciphertext(), null, CONTEXT, null, false).plaintext());
        assertThrows(InvalidCiphertextException.class,
                () -> encryption.decrypt(SCOPE, dataKey.ciphertext(), null, Map.of(), null, false));
    }

    @Test
    void reEncrypt_withTheWrongSourceKey_throwsIncorrectKey() {
        KmsKey source = newKey();
        KmsKey destination = newKey();
        byte[] blob = encryption.encrypt(SCOPE, source.id().value(), PLAINTEXT, Map.of(), null, false).ciphertext();

        assertEquals(INCORRECT_KEY, assertThrows(IncorrectKeyException.class, () -> encryption.reEncrypt(SCOPE, blob,
                destination.id().value(), Map.of(), null, destination.id().value(), Map.of(), null, false)).getMessage());
        byte[] moved = encryption.reEncrypt(SCOPE, blob, source.id().value(), Map.of(), null,
                destination.id().value(), CONTEXT, null, false).destination().ciphertext();
        Results.Decrypted decrypted = encryption.decrypt(SCOPE, moved, null, CONTEXT, null, false);
        assertEquals(destination.arn(), decrypted.key().arn());
        assertArrayEquals(PLAINTEXT, decrypted.plaintext());
    }

    private KmsKey newKey() {
        return keys.create(SCOPE, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, Map.of()));
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "success";
        } catch (KmsException e) {
            return e.errorType();
        }
    }
}
