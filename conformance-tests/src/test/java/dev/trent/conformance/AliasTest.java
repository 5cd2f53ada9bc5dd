package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertClientError;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** CreateAlias, UpdateAlias, DeleteAlias, ListAliases and the alias naming rules. */
class AliasTest extends TrentTestBase {

    private List<AliasListEntry> aliasesOf(String keyId) {
        return kms.listAliases(b -> b.keyId(keyId)).aliases();
    }

    private List<String> allAliasNames() {
        List<String> names = new ArrayList<>();
        String marker = null;
        do {
            String current = marker;
            ListAliasesResponse page = kms.listAliases(b -> b.marker(current));
            page.aliases().forEach(a -> names.add(a.aliasName()));
            marker = Boolean.TRUE.equals(page.truncated()) ? page.nextMarker() : null;
        } while (marker != null);
        return names;
    }

    @Test
    void createAlias_thenListAliasesByKeyId_returnsTheEntry() {
        KeyMetadata key = newSymmetricKey();
        String name = uniqueAlias("listed");
        Instant before = Instant.now();

        kms.createAlias(b -> b.aliasName(name).targetKeyId(key.keyId()));

        List<AliasListEntry> aliases = aliasesOf(key.keyId());
        assertEquals(1, aliases.size(), aliases::toString);
        AliasListEntry alias = aliases.get(0);
        assertEquals(name, alias.aliasName());
        assertEquals(aliasArn(name), alias.aliasArn());
        assertEquals(key.keyId(), alias.targetKeyId());
        assertNotNull(alias.creationDate());
        assertTrue(Duration.between(before, alias.creationDate()).abs().getSeconds() < 60,
                "CreationDate " + alias.creationDate());
        assertTrue(allAliasNames().contains(name));
    }

    @Test
    void createAlias_withKeyArnAsTarget_pointsAtTheKey() {
        KeyMetadata key = newSymmetricKey();
        String name = uniqueAlias("by-arn");

        kms.createAlias(b -> b.aliasName(name).targetKeyId(key.arn()));

        assertEquals(key.keyId(), kms.describeKey(b -> b.keyId(name)).keyMetadata().keyId());
        assertEquals(key.keyId(), aliasesOf(key.arn()).get(0).targetKeyId());
    }

    @Test
    void listAliases_forKeyWithoutAliases_isEmpty() {
        KeyMetadata key = newSymmetricKey();
        String name = uniqueAlias("elsewhere");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(newSymmetricKey().keyId()));

        assertEquals(List.of(), aliasesOf(key.keyId()));
    }

    @Test
    void listAliases_forKeyWithThreeAliases_pagesWithLimitOne() {
        KeyMetadata key = newSymmetricKey();
        List<String> names = List.of(uniqueAlias("page"), uniqueAlias("page"), uniqueAlias("page"));
        names.forEach(n -> kms.createAlias(b -> b.aliasName(n).targetKeyId(key.keyId())));

        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String current = marker;
            ListAliasesResponse page = kms.listAliases(b -> b.keyId(key.keyId()).limit(1).marker(current));
            pages++;
            assertTrue(page.aliases().size() <= 1);
            page.aliases().forEach(a -> seen.add(a.aliasName()));
            marker = Boolean.TRUE.equals(page.truncated()) ? page.nextMarker() : null;
        } while (marker != null && pages < 10);

        assertEquals(names.stream().sorted().collect(Collectors.toList()),
                seen.stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void createAlias_namesDifferingOnlyInCase_areDistinct() {
        KeyMetadata first = newSymmetricKey();
        KeyMetadata second = newSymmetricKey();
        String lower = uniqueAlias("case");
        String upper = lower.replace("case", "CASE");

        kms.createAlias(b -> b.aliasName(lower).targetKeyId(first.keyId()));
        kms.createAlias(b -> b.aliasName(upper).targetKeyId(second.keyId()));

        assertEquals(first.keyId(), kms.describeKey(b -> b.keyId(lower)).keyMetadata().keyId());
        assertEquals(second.keyId(), kms.describeKey(b -> b.keyId(upper)).keyMetadata().keyId());
    }

    @Test
    void createAlias_withoutAliasPrefix_throwsValidation() {
        KeyMetadata key = newSymmetricKey();

        assertUnmodeledError("ValidationException", "Alias must start with the prefix \"alias/\". Please see "
                        + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html",
                () -> kms.createAlias(b -> b.aliasName("no-prefix-" + UUID.randomUUID()).targetKeyId(key.keyId())));
    }

    @Test
    void createAlias_withColonInName_throwsValidationInvalidCharacters() {
        KeyMetadata key = newSymmetricKey();

        assertUnmodeledError("ValidationException", "alias/Service:Test contains invalid characters for an alias",
                () -> kms.createAlias(b -> b.aliasName("alias/Service:Test").targetKeyId(key.keyId())));
    }

    @Test
    void createAlias_withNameLongerThan256_throwsValidation() {
        KeyMetadata key = newSymmetricKey();
        String name = "alias/" + "a".repeat(251);

        assertUnmodeledError("ValidationException", "1 validation error detected: Value '" + name
                        + "' at 'aliasName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 256",
                () -> kms.createAlias(b -> b.aliasName(name).targetKeyId(key.keyId())));
    }

    @Test
    void createAlias_withNameOf256Characters_isAccepted() {
        KeyMetadata key = newSymmetricKey();
        String name = "alias/" + "b".repeat(250);

        kms.createAlias(b -> b.aliasName(name).targetKeyId(key.keyId()));

        assertEquals(key.keyId(), kms.describeKey(b -> b.keyId(name)).keyMetadata().keyId());
    }

    @Test
    void createAlias_thatAlreadyExists_throwsAlreadyExists() {
        KeyMetadata key = newSymmetricKey();
        KeyMetadata other = newSymmetricKey();
        String name = uniqueAlias("taken");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(key.keyId()));

        assertKmsError(AlreadyExistsException.class, "An alias with the name " + aliasArn(name) + " already exists",
                () -> kms.createAlias(b -> b.aliasName(name).targetKeyId(other.keyId())));
        assertEquals(key.keyId(), kms.describeKey(b -> b.keyId(name)).keyMetadata().keyId());
    }

    @Test
    void createAlias_inReservedAwsNamespace_isRejected() {
        KeyMetadata key = newSymmetricKey();

        assertClientError(() -> kms.createAlias(b -> b.aliasName("alias/aws/custom").targetKeyId(key.keyId())));
    }

    @Test
    void createAlias_forUnknownKey_throwsNotFound() {
        String unknown = UUID.randomUUID().toString();

        assertKmsError(NotFoundException.class, "Key '" + keyArn(unknown) + "' does not exist",
                () -> kms.createAlias(b -> b.aliasName(uniqueAlias("orphan")).targetKeyId(unknown)));
    }

    @Test
    void createAlias_forKeyPendingDeletion_throwsInvalidState() {
        KeyMetadata key = newSymmetricKey();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.createAlias(b -> b.aliasName(uniqueAlias("doomed")).targetKeyId(key.keyId())));
    }

    @Test
    void createAlias_withAliasAsTarget_isRejected() {
        KeyMetadata key = newSymmetricKey();
        String name = uniqueAlias("first");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(key.keyId()));

        assertClientError(() -> kms.createAlias(b -> b.aliasName(uniqueAlias("second")).targetKeyId(name)));
    }

    @Test
    void updateAlias_toAnotherKey_redirectsCryptoOperations() {
        KeyMetadata oldKey = newSymmetricKey();
        KeyMetadata newKey = newSymmetricKey();
        String name = uniqueAlias("moving");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(oldKey.keyId()));

        kms.updateAlias(b -> b.aliasName(name).targetKeyId(newKey.keyId()));

        assertEquals(newKey.arn(), kms.encrypt(b -> b.keyId(name).plaintext(utf8("x"))).keyId());
        assertEquals(List.of(), aliasesOf(oldKey.keyId()));
        List<AliasListEntry> moved = aliasesOf(newKey.keyId());
        assertEquals(1, moved.size());
        assertEquals(name, moved.get(0).aliasName());
        assertEquals(newKey.keyId(), moved.get(0).targetKeyId());
        assertNotNull(moved.get(0).lastUpdatedDate(), "LastUpdatedDate after UpdateAlias");
        assertTrue(!moved.get(0).lastUpdatedDate().isBefore(moved.get(0).creationDate()),
                "LastUpdatedDate precedes CreationDate");
    }

    @Test
    void updateAlias_toKeyPendingDeletion_throwsInvalidState() {
        KeyMetadata current = newSymmetricKey();
        KeyMetadata pending = newSymmetricKey();
        String name = uniqueAlias("to-pending");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(current.keyId()));
        kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(7));

        assertKmsError(KmsInvalidStateException.class, pending.arn() + " is pending deletion.",
                () -> kms.updateAlias(b -> b.aliasName(name).targetKeyId(pending.keyId())));
        assertEquals(current.keyId(), kms.describeKey(b -> b.keyId(name)).keyMetadata().keyId());
    }

    @Test
    void updateAlias_awayFromKeyPendingDeletion_succeeds() {
        KeyMetadata pending = newSymmetricKey();
        KeyMetadata next = newSymmetricKey();
        String name = uniqueAlias("from-pending");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(pending.keyId()));
        kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(7));

        kms.updateAlias(b -> b.aliasName(name).targetKeyId(next.keyId()));

        assertEquals(next.keyId(), kms.describeKey(b -> b.keyId(name)).keyMetadata().keyId());
    }

    @Test
    void deleteAlias_ofKeyPendingDeletion_succeeds() {
        KeyMetadata pending = newSymmetricKey();
        String name = uniqueAlias("delete-pending");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(pending.keyId()));
        kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(7));

        kms.deleteAlias(b -> b.aliasName(name));

        assertEquals(List.of(), aliasesOf(pending.keyId()));
    }

    @Test
    void updateAlias_ofUnknownAlias_throwsNotFound() {
        KeyMetadata key = newSymmetricKey();

        assertKmsErrorType(NotFoundException.class,
                () -> kms.updateAlias(b -> b.aliasName("alias/never-created").targetKeyId(key.keyId())));
    }

    @Test
    void deleteAlias_removesItFromListingsAndLookups() {
        KeyMetadata key = newSymmetricKey();
        String name = uniqueAlias("deleted");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(key.keyId()));

        kms.deleteAlias(b -> b.aliasName(name));

        assertEquals(List.of(), aliasesOf(key.keyId()));
        assertTrue(!allAliasNames().contains(name));
        assertKmsError(NotFoundException.class, "Alias " + aliasArn(name) + " is not found.",
                () -> kms.encrypt(b -> b.keyId(name).plaintext(utf8("x"))));
        assertEquals(key.keyId(), kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyId());
    }

    @Test
    void deleteAlias_thenCreateAgain_canTargetAnotherKey() {
        KeyMetadata first = newSymmetricKey();
        KeyMetadata second = newSymmetricKey();
        String name = uniqueAlias("reused");
        kms.createAlias(b -> b.aliasName(name).targetKeyId(first.keyId()));
        kms.deleteAlias(b -> b.aliasName(name));

        kms.createAlias(b -> b.aliasName(name).targetKeyId(second.keyId()));

        assertEquals(second.keyId(), kms.describeKey(b -> b.keyId(name)).keyMetadata().keyId());
    }

    @Test
    void deleteAlias_ofUnknownAlias_throwsNotFound() {
        assertKmsErrorType(NotFoundException.class, () -> kms.deleteAlias(b -> b.aliasName("alias/never-there")));
    }
}
