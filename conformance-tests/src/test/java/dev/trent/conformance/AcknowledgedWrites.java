package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Every write the server acknowledged (its answer reached the client), and what each must look like after any
 * restart: a write whose answer never arrived is not recorded, so it may or may not have happened.
 */
final class AcknowledgedWrites {

    /** A ciphertext Encrypt returned, with what it must decrypt to. */
    record Ciphertext(String keyId, SdkBytes blob, Map<String, String> context, byte[] plaintext) {
    }

    private final Map<String, String> descriptions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Set<String> rotating = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingDeletion = ConcurrentHashMap.newKeySet();
    /** Keys whose deletion was asked for: without the answer, they may be Enabled or PendingDeletion. */
    private final Set<String> deletionAsked = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Ciphertext> ciphertexts = new ConcurrentLinkedQueue<>();

    void keyCreated(String keyId, String description) {
        descriptions.put(keyId, description);
    }

    void tagged(String keyId, String tagKey, String tagValue) {
        tags.computeIfAbsent(keyId, k -> new ConcurrentHashMap<>()).put(tagKey, tagValue);
    }

    void aliasCreated(String aliasName, String keyId) {
        aliases.put(aliasName, keyId);
    }

    void rotationEnabled(String keyId) {
        rotating.add(keyId);
    }

    void deletionAsked(String keyId) {
        deletionAsked.add(keyId);
    }

    void deletionScheduled(String keyId) {
        pendingDeletion.add(keyId);
    }

    void encrypted(Ciphertext ciphertext) {
        ciphertexts.add(ciphertext);
    }

    /** How many acknowledged writes there are: each is one request the server answered with success. */
    int count() {
        return descriptions.size() + tags.values().stream().mapToInt(Map::size).sum() + aliases.size()
                + rotating.size() + pendingDeletion.size() + ciphertexts.size();
    }

    /** Asserts every acknowledged write is visible through {@code kms}; {@code round} names the restart. */
    void assertAllPresent(KmsClient kms, String round) {
        descriptions.forEach((keyId, description) -> {
            KeyMetadata key = kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
            assertEquals(description, key.description(), round + ": description of " + keyId);
            if (pendingDeletion.contains(keyId)) {
                assertEquals(KeyState.PENDING_DELETION, key.keyState(), round + ": state of " + keyId);
            } else if (!deletionAsked.contains(keyId)) {
                assertEquals(KeyState.ENABLED, key.keyState(), round + ": state of " + keyId);
            }
        });
        tags.forEach((keyId, expected) -> {
            Map<String, String> present = kms.listResourceTagsPaginator(b -> b.keyId(keyId)).tags().stream()
                    .collect(Collectors.toMap(Tag::tagKey, Tag::tagValue));
            assertTrue(present.entrySet().containsAll(expected.entrySet()),
                    round + ": tags of " + keyId + " " + present + " lack some of " + expected);
        });
        rotating.forEach(keyId -> assertTrue(kms.getKeyRotationStatus(b -> b.keyId(keyId)).keyRotationEnabled(),
                round + ": rotation of " + keyId));
        Map<String, String> listed = new HashMap<>();
        kms.listAliasesPaginator(b -> b.limit(100)).aliases().stream()
                .filter(a -> a.targetKeyId() != null)
                .forEach((AliasListEntry a) -> listed.put(a.aliasName(), a.targetKeyId()));
        aliases.forEach((alias, keyId) -> assertEquals(keyId, listed.get(alias), round + ": alias " + alias));
        for (Ciphertext c : List.copyOf(ciphertexts)) {
            DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(c.blob()).encryptionContext(c.context()));
            assertArrayEquals(c.plaintext(), decrypted.plaintext().asByteArray(),
                    round + ": plaintext of a ciphertext of " + c.keyId());
            assertTrue(decrypted.keyId().endsWith(":key/" + c.keyId()), round + ": " + decrypted.keyId());
        }
    }
}
