package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/** Reading a key's rotation state back through the SDK, shared by the rotation test classes. */
final class KeyRotations {

    /** How long a background step (sweep, asynchronous on-demand rotation) may take before a test gives up. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    private KeyRotations() {
    }

    static GetKeyRotationStatusResponse status(KmsClient kms, String keyId) {
        return kms.getKeyRotationStatus(b -> b.keyId(keyId));
    }

    static String currentMaterial(KmsClient kms, String keyId) {
        return kms.describeKey(b -> b.keyId(keyId)).keyMetadata().currentKeyMaterialId();
    }

    /** Every entry of ListKeyRotations, following NextMarker; {@code include} null sends no IncludeKeyMaterial. */
    static List<RotationsListEntry> rotations(KmsClient kms, String keyId, IncludeKeyMaterial include) {
        return rotations(kms, keyId, include, null);
    }

    /** As above with a page size; {@code limit} null sends no Limit (AWS then pages by 100). */
    static List<RotationsListEntry> rotations(KmsClient kms, String keyId, IncludeKeyMaterial include,
                                              Integer limit) {
        List<RotationsListEntry> all = new ArrayList<>();
        String marker = null;
        for (int pages = 0; pages < 1000; pages++) {
            String from = marker;
            ListKeyRotationsResponse page = kms.listKeyRotations(b -> b.keyId(keyId).includeKeyMaterial(include)
                    .limit(limit).marker(from));
            assertTrue(page.rotations().size() <= (limit == null ? 100 : limit), "a page holds at most Limit entries");
            all.addAll(page.rotations());
            if (!Boolean.TRUE.equals(page.truncated())) {
                assertNull(page.nextMarker(), "the last page carries no NextMarker");
                return all;
            }
            assertNotNull(page.nextMarker(), "a truncated page carries NextMarker");
            marker = page.nextMarker();
        }
        return fail("ListKeyRotations never stopped paging");
    }

    /** The entries by KeyMaterialId; fails when a material is listed twice. */
    static Map<String, RotationsListEntry> byMaterial(List<RotationsListEntry> entries) {
        Map<String, RotationsListEntry> map = entries.stream()
                .collect(Collectors.toMap(RotationsListEntry::keyMaterialId, Function.identity(), (a, b) -> {
                    throw new AssertionError("KeyMaterialId listed twice: " + a.keyMaterialId());
                }));
        assertEquals(entries.size(), map.size());
        return map;
    }

    /** An entry's KeyId names the key (the API reference does not say in which form). */
    static void assertNamesKey(KeyMetadata key, RotationsListEntry entry) {
        assertTrue(key.keyId().equals(entry.keyId()) || key.arn().equals(entry.keyId()),
                () -> "rotation entry KeyId " + entry.keyId() + " does not name " + key.keyId());
    }

    /** Fields the API reference reserves for keys with EXTERNAL origin. */
    static void assertNoImportFields(RotationsListEntry entry) {
        assertNull(entry.importState(), "ImportState is only for EXTERNAL keys");
        assertNull(entry.keyMaterialDescription(), "KeyMaterialDescription is only for EXTERNAL keys");
        assertNull(entry.expirationModel(), "ExpirationModel is only for EXTERNAL keys");
        assertNull(entry.validTo(), "ValidTo is only for EXTERNAL keys");
    }

    static void assertBetween(Instant earliest, Instant latest, Instant actual, String what) {
        assertNotNull(actual, what + " is missing");
        assertTrue(!actual.isBefore(earliest) && !actual.isAfter(latest),
                () -> what + " " + actual + " is not between " + earliest + " and " + latest);
    }

    static void assert64Hex(String materialId, String what) {
        assertNotNull(materialId, what + " is missing");
        assertTrue(materialId.matches("[0-9a-f]{64}"), () -> what + " is not 64 hex digits: " + materialId);
    }

    /**
     * Waits until the key's CurrentKeyMaterialId is no longer {@code before} and returns the new one; fails after
     * {@link #SETTLE}.
     */
    static String awaitNewMaterial(KmsClient kms, String keyId, String before) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            String now = currentMaterial(kms, keyId);
            if (!before.equals(now)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                return fail("key " + keyId + " still has material " + before + " after " + SETTLE);
            }
            Thread.sleep(200);
        }
    }

    /** AWS rotates on demand in the background; GetKeyRotationStatus shows OnDemandRotationStartDate meanwhile. */
    static void awaitOnDemandRotationDone(KmsClient kms, String keyId) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (status(kms, keyId).onDemandRotationStartDate() != null) {
            if (System.nanoTime() > deadline) {
                fail("on-demand rotation of " + keyId + " still in progress after " + SETTLE);
            }
            Thread.sleep(200);
        }
    }

    static Set<String> materialIds(List<RotationsListEntry> entries) {
        return new HashSet<>(entries.stream().map(RotationsListEntry::keyMaterialId).toList());
    }
}
