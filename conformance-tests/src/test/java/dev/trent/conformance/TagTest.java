package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.TagException;

/** TagResource, UntagResource, ListResourceTags and the tag rules. */
class TagTest extends TrentTestBase {

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private Map<String, String> tagsOf(String keyId) {
        return kms.listResourceTags(b -> b.keyId(keyId)).tags().stream()
                .collect(Collectors.toMap(Tag::tagKey, Tag::tagValue));
    }

    @Test
    void tagResource_thenListResourceTags_returnsTheTags() {
        KeyMetadata key = newSymmetricKey();

        kms.tagResource(b -> b.keyId(key.keyId()).tags(tag("tag1", "value1"), tag("tag2", "value2")));

        ListResourceTagsResponse listed = kms.listResourceTags(b -> b.keyId(key.keyId()));
        assertEquals(Map.of("tag1", "value1", "tag2", "value2"), tagsOf(key.keyId()));
        assertEquals(Boolean.FALSE, listed.truncated());
    }

    @Test
    void tagResource_withExistingTagKey_replacesItsValueAndKeepsOthers() {
        KeyMetadata key = kms.createKey(b -> b.tags(tag("tag1", "value1"), tag("tag2", "value2"),
                tag("tag3", "value3"))).keyMetadata();

        kms.tagResource(b -> b.keyId(key.keyId())
                .tags(tag("tag4", "value4"), tag("tag2", "updated_value2"), tag("tag5", "value5")));

        assertEquals(Map.of("tag1", "value1", "tag2", "updated_value2", "tag3", "value3",
                "tag4", "value4", "tag5", "value5"), tagsOf(key.keyId()));
    }

    @Test
    void tagResource_keysAreCaseSensitive() {
        KeyMetadata key = newSymmetricKey();

        kms.tagResource(b -> b.keyId(key.keyId()).tags(tag("Env", "a"), tag("env", "b")));

        assertEquals(Map.of("Env", "a", "env", "b"), tagsOf(key.keyId()));
    }

    @Test
    void untagResource_removesOnlyTheNamedKeys() {
        KeyMetadata key = kms.createKey(b -> b.tags(tag("tag1", "value1"), tag("tag2", "value2"),
                tag("tag3", "value3"))).keyMetadata();

        kms.untagResource(b -> b.keyId(key.keyId()).tagKeys("tag2", "not-there"));

        assertEquals(Map.of("tag1", "value1", "tag3", "value3"), tagsOf(key.keyId()));
    }

    @Test
    void untagResource_allKeys_leavesAnEmptyList() {
        KeyMetadata key = kms.createKey(b -> b.tags(tag("tag1", "value1"), tag("tag2", "value2"))).keyMetadata();

        kms.untagResource(b -> b.keyId(key.arn()).tagKeys("tag1", "tag2"));

        assertEquals(List.of(), kms.listResourceTags(b -> b.keyId(key.keyId())).tags());
    }

    @Test
    void listResourceTags_withLimit_pagesThroughAllTags() {
        KeyMetadata key = kms.createKey(b -> b.tags(IntStream.range(0, 5)
                .mapToObj(i -> tag("k" + i, "v" + i)).collect(Collectors.toList()))).keyMetadata();

        Map<String, String> seen = new HashMap<>();
        String marker = null;
        int pages = 0;
        do {
            String current = marker;
            ListResourceTagsResponse page = kms.listResourceTags(b -> b.keyId(key.keyId()).limit(2).marker(current));
            pages++;
            assertTrue(page.tags().size() <= 2);
            page.tags().forEach(t -> seen.put(t.tagKey(), t.tagValue()));
            marker = Boolean.TRUE.equals(page.truncated()) ? page.nextMarker() : null;
        } while (marker != null && pages < 10);

        assertEquals(3, pages);
        assertEquals(5, seen.size());
        assertEquals("v4", seen.get("k4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:key1", "AWS:key1"})
    void createKey_withReservedTagKey_throwsTagException(String reserved) {
        assertKmsError(TagException.class, "Tags beginning with aws: are reserved",
                () -> kms.createKey(b -> b.description("test key 123").tags(tag(reserved, "value1"))));
    }

    @Test
    void tagResource_withReservedTagKey_throwsTagException() {
        KeyMetadata key = newSymmetricKey();

        assertKmsError(TagException.class, "Tags beginning with aws: are reserved",
                () -> kms.tagResource(b -> b.keyId(key.keyId()).tags(tag("aws:key1", "value1"))));
        assertEquals(Map.of(), tagsOf(key.keyId()));
    }

    @Test
    void tagResource_withDuplicateKeys_throwsTagException() {
        KeyMetadata key = newSymmetricKey();

        assertKmsError(TagException.class, "Duplicate tag keys",
                () -> kms.tagResource(b -> b.keyId(key.keyId())
                        .tags(tag("tag1", "value1"), tag("tag1", "another-value1"))));
        assertEquals(Map.of(), tagsOf(key.keyId()));
    }

    @Test
    void createKey_with51Tags_throwsTooManyTags() {
        List<Tag> tags = IntStream.rangeClosed(0, 50).mapToObj(i -> tag("key" + i, "value" + i))
                .collect(Collectors.toList());
        int keysBefore = kms.listKeys(b -> b.limit(1000)).keys().size();

        assertKmsError(TagException.class, "Too many tags", () -> kms.createKey(b -> b.tags(tags)));
        assertEquals(keysBefore, kms.listKeys(b -> b.limit(1000)).keys().size(), "a rejected CreateKey made a key");
    }

    @Test
    void createKey_with50Tags_keepsAllOfThem() {
        List<Tag> tags = IntStream.range(0, 50).mapToObj(i -> tag("key" + i, "value" + i))
                .collect(Collectors.toList());

        KeyMetadata key = kms.createKey(b -> b.tags(tags)).keyMetadata();

        assertEquals(50, tagsOf(key.keyId()).size());
    }

    @Test
    void createKey_withTagKeyLongerThan128_throwsValidation() {
        String longKey = "a".repeat(129);

        assertUnmodeledError("ValidationException", "1 validation error detected: Value '" + longKey
                        + "' at 'tags.1.member.tagKey' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128",
                () -> kms.createKey(b -> b.tags(tag(longKey, "value1"))));
    }

    @Test
    void createKey_withTagValueLongerThan256_throwsValidation() {
        String longValue = "v".repeat(257);

        assertUnmodeledError("ValidationException", "1 validation error detected: Value '" + longValue
                        + "' at 'tags.1.member.tagValue' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 256",
                () -> kms.createKey(b -> b.tags(tag("tag1", longValue))));
    }

    @Test
    void tagResource_withTagKeyLongerThan128_throwsValidation() {
        KeyMetadata key = newSymmetricKey();
        String longKey = "k".repeat(129);

        assertUnmodeledError("ValidationException", "1 validation error detected: Value '" + longKey
                        + "' at 'tags.1.member.tagKey' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128",
                () -> kms.tagResource(b -> b.keyId(key.keyId()).tags(tag(longKey, "v"))));
    }

    @Test
    void tagResource_withMaximumLengths_isAccepted() {
        KeyMetadata key = newSymmetricKey();
        String maxKey = "k".repeat(128);
        String maxValue = "v".repeat(256);

        kms.tagResource(b -> b.keyId(key.keyId()).tags(tag(maxKey, maxValue)));

        assertEquals(Map.of(maxKey, maxValue), tagsOf(key.keyId()));
    }

    @Test
    void tagResource_onKeyPendingDeletion_throwsInvalidState() {
        KeyMetadata key = newSymmetricKey();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.tagResource(b -> b.keyId(key.keyId()).tags(tag("late", "tag"))));
    }

    @Test
    void untagResource_onKeyPendingDeletion_throwsInvalidState() {
        KeyMetadata key = kms.createKey(b -> b.tags(tag("keep", "me"))).keyMetadata();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.untagResource(b -> b.keyId(key.keyId()).tagKeys("keep")));
        assertEquals(Map.of("keep", "me"), tagsOf(key.keyId()));
    }

    @Test
    void listResourceTags_ofUnknownKey_throwsNotFound() {
        String unknown = UUID.randomUUID().toString();

        assertKmsError(NotFoundException.class, "Key '" + keyArn(unknown) + "' does not exist",
                () -> kms.listResourceTags(b -> b.keyId(unknown)));
    }

    @Test
    void tags_areKeptPerKey() {
        KeyMetadata first = newSymmetricKey();
        KeyMetadata second = newSymmetricKey();

        kms.tagResource(b -> b.keyId(first.keyId()).tags(tag("owner", "first")));
        kms.tagResource(b -> b.keyId(second.keyId()).tags(tag("owner", "second")));

        assertEquals(Map.of("owner", "first"), tagsOf(first.keyId()));
        assertEquals(Map.of("owner", "second"), tagsOf(second.keyId()));
        String untagged = newSymmetricKey().keyId();
        assertEquals(List.of(), kms.listResourceTags(b -> b.keyId(untagged)).tags());
    }
}
