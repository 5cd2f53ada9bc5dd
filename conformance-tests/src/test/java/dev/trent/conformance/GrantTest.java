package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.InvalidArnException;
import software.amazon.awssdk.services.kms.model.InvalidGrantIdException;
import software.amazon.awssdk.services.kms.model.InvalidGrantTokenException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ListGrantsResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant through the AWS SDK. */
class GrantTest extends TrentTestBase {

    private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    private static final String BOB = "arn:aws:iam::" + ACCOUNT + ":role/bob";
    private static final String DRY_RUN = "The request would have succeeded, but the DryRun option is set.";

    @TempDir
    Path dataDir;

    @Test
    void createGrant_isListedWithEveryMember() {
        KeyMetadata key = newSymmetricKey();
        CreateGrantResponse created = kms.createGrant(b -> b.keyId(key.keyId()).granteePrincipal(ALICE)
                .retiringPrincipal(BOB).name("reader")
                .operations(GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY)
                .constraints(c -> c.encryptionContextSubset(Map.of("app", "test"))));
        assertTrue(created.grantId().matches("[0-9a-f]{64}"), created.grantId());
        assertTrue(created.grantToken().matches("[A-Za-z0-9_-]+"), created.grantToken());

        ListGrantsResponse listed = kms.listGrants(b -> b.keyId(key.arn()));
        assertFalse(listed.truncated());
        assertNull(listed.nextMarker());
        assertEquals(1, listed.grants().size());
        GrantListEntry grant = listed.grants().get(0);
        assertEquals(key.arn(), grant.keyId());
        assertEquals(created.grantId(), grant.grantId());
        assertEquals("reader", grant.name());
        assertNotNull(grant.creationDate());
        assertEquals(ALICE, grant.granteePrincipal());
        assertEquals(BOB, grant.retiringPrincipal());
        assertEquals("arn:aws:iam::" + ACCOUNT + ":root", grant.issuingAccount());
        assertEquals(List.of(GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY), grant.operations());
        assertEquals(GrantConstraints.builder().encryptionContextSubset(Map.of("app", "test")).build(),
                grant.constraints());

        assertTrue(kms.listRetirableGrants(b -> b.retiringPrincipal(BOB)).grants().stream()
                .anyMatch(g -> g.grantId().equals(created.grantId())));
        assertFalse(kms.listRetirableGrants(b -> b.retiringPrincipal(ALICE)).grants().stream()
                .anyMatch(g -> g.grantId().equals(created.grantId())));
    }

    @Test
    void sameNameAndParameters_giveTheSameGrantId() {
        KeyMetadata key = newSymmetricKey();
        CreateGrantResponse first = createGrant(key, "idempotent", GrantOperation.ENCRYPT);
        CreateGrantResponse again = createGrant(key, "idempotent", GrantOperation.ENCRYPT);
        assertEquals(first.grantId(), again.grantId());
        CreateGrantResponse different = createGrant(key, "idempotent", GrantOperation.DECRYPT);
        assertNotEquals(first.grantId(), different.grantId());
        assertEquals(2, kms.listGrants(b -> b.keyId(key.keyId())).grants().size());
    }

    @Test
    void listGrants_filtersAndPages() {
        KeyMetadata key = newSymmetricKey();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createGrant(key, null, GrantOperation.ENCRYPT).grantId());
        }
        String bobs = kms.createGrant(b -> b.keyId(key.keyId()).granteePrincipal(BOB)
                .operations(GrantOperation.DECRYPT)).grantId();
        ids.add(bobs);

        List<String> paged = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String current = marker;
            ListGrantsResponse page = kms.listGrants(b -> b.keyId(key.keyId()).limit(4).marker(current));
            page.grants().forEach(g -> paged.add(g.grantId()));
            marker = page.truncated() ? page.nextMarker() : null;
            pages++;
        } while (marker != null);
        assertEquals(2, pages);
        assertEquals(ids, new HashSet<>(paged));
        assertEquals(6, paged.size());

        assertEquals(List.of(bobs), kms.listGrants(b -> b.keyId(key.keyId()).granteePrincipal(BOB)).grants()
                .stream().map(GrantListEntry::grantId).toList());
        assertEquals(List.of(bobs), kms.listGrants(b -> b.keyId(key.keyId()).grantId(bobs)).grants()
                .stream().map(GrantListEntry::grantId).toList());
        assertKmsErrorType(InvalidGrantIdException.class,
                () -> kms.listGrants(b -> b.keyId(key.keyId()).grantId("not-a-grant-id")));
    }

    @Test
    void retireAndRevoke_removeTheGrant() {
        KeyMetadata key = newSymmetricKey();
        CreateGrantResponse byToken = createGrant(key, null, GrantOperation.ENCRYPT);
        CreateGrantResponse byId = createGrant(key, null, GrantOperation.DECRYPT);
        CreateGrantResponse revoked = createGrant(key, null, GrantOperation.DESCRIBE_KEY);

        assertKmsError(DryRunOperationException.class, DRY_RUN,
                () -> kms.retireGrant(b -> b.grantToken(byToken.grantToken()).dryRun(true)));
        assertKmsError(DryRunOperationException.class, DRY_RUN,
                () -> kms.revokeGrant(b -> b.keyId(key.keyId()).grantId(revoked.grantId()).dryRun(true)));
        assertEquals(3, kms.listGrants(b -> b.keyId(key.keyId())).grants().size());

        kms.retireGrant(b -> b.grantToken(byToken.grantToken()));
        kms.retireGrant(b -> b.keyId(key.arn()).grantId(byId.grantId()));
        kms.revokeGrant(b -> b.keyId(key.keyId()).grantId(revoked.grantId()));
        assertEquals(List.of(), kms.listGrants(b -> b.keyId(key.keyId())).grants());

        assertKmsErrorType(InvalidGrantTokenException.class,
                () -> kms.retireGrant(b -> b.grantToken(byToken.grantToken())));
        assertKmsErrorType(InvalidGrantTokenException.class, () -> kms.retireGrant(b -> b.grantToken("bogus")));
        assertKmsError(NotFoundException.class,
                "Grant " + revoked.grantId() + " does not exist on key " + key.arn() + ".",
                () -> kms.revokeGrant(b -> b.keyId(key.keyId()).grantId(revoked.grantId())));
        assertKmsErrorType(InvalidGrantIdException.class,
                () -> kms.revokeGrant(b -> b.keyId(key.keyId()).grantId("short")));
    }

    @Test
    void createGrant_withAnAlias_isInvalidArn() {
        KeyMetadata key = newSymmetricKey();
        String alias = uniqueAlias("grant");
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
        assertKmsError(InvalidArnException.class, "Key Aliases are not supported for this operation.",
                () -> kms.createGrant(b -> b.keyId(alias).granteePrincipal(ALICE)
                        .operations(GrantOperation.ENCRYPT)));
        assertKmsError(InvalidArnException.class, "Key Aliases are not supported for this operation.",
                () -> kms.createGrant(b -> b.keyId(aliasArn(alias)).granteePrincipal(ALICE)
                        .operations(GrantOperation.ENCRYPT)));
    }

    @Test
    void operationsThatDoNotFitTheKey_areValidationErrors() {
        KeyMetadata signing = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        assertUnmodeledError("ValidationException", "Grant operations [Encrypt] are not valid for KMS key "
                        + signing.arn() + " with KeySpec ECC_NIST_P256 and KeyUsage SIGN_VERIFY.",
                () -> kms.createGrant(b -> b.keyId(signing.keyId()).granteePrincipal(ALICE)
                        .operations(GrantOperation.SIGN, GrantOperation.ENCRYPT)));
        KeyMetadata hmac = newKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
        assertUnmodeledErrorCode("ValidationException", () -> kms.createGrant(b -> b.keyId(hmac.keyId())
                .granteePrincipal(ALICE).operations(GrantOperation.DECRYPT)));
        assertUnmodeledErrorCode("ValidationException", () -> kms.createGrant(b -> b.keyId(signing.keyId())
                .granteePrincipal(ALICE).operations(GrantOperation.SIGN)
                .constraints(c -> c.encryptionContextEquals(Map.of("a", "b")))));
        kms.createGrant(b -> b.keyId(signing.keyId()).granteePrincipal(ALICE)
                .operations(GrantOperation.SIGN, GrantOperation.VERIFY, GrantOperation.GET_PUBLIC_KEY));
        kms.createGrant(b -> b.keyId(hmac.keyId()).granteePrincipal(ALICE)
                .operations(GrantOperation.GENERATE_MAC, GrantOperation.VERIFY_MAC));
    }

    @Test
    void createGrant_dryRun_createsNothing() {
        KeyMetadata key = newSymmetricKey();
        assertKmsError(DryRunOperationException.class, DRY_RUN, () -> kms.createGrant(b -> b.keyId(key.keyId())
                .granteePrincipal(ALICE).operations(GrantOperation.ENCRYPT).dryRun(true)));
        assertEquals(List.of(), kms.listGrants(b -> b.keyId(key.keyId())).grants());
    }

    @Test
    void grants_surviveARestart_andVanishWithTheirKey() throws Exception {
        OffsetClock clock = new OffsetClock();
        String keyId;
        String grantId;
        try (TrentServer first = TrentServer.start(TrentConfig.builder().port(0).dataDir(dataDir).clock(clock).build());
             KmsClient client = KmsClients.create(first.endpoint(), Region.US_EAST_1)) {
            keyId = client.createKey(b -> b.description("grants")).keyMetadata().keyId();
            grantId = client.createGrant(b -> b.keyId(keyId).granteePrincipal(ALICE).retiringPrincipal(BOB)
                    .operations(GrantOperation.ENCRYPT).name("durable")).grantId();
        }
        try (TrentServer second = TrentServer.start(TrentConfig.builder().port(0).dataDir(dataDir).clock(clock).build());
             KmsClient client = KmsClients.create(second.endpoint(), Region.US_EAST_1)) {
            List<GrantListEntry> grants = client.listGrants(b -> b.keyId(keyId)).grants();
            assertEquals(1, grants.size());
            assertEquals(grantId, grants.get(0).grantId());
            assertEquals("durable", grants.get(0).name());

            client.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
            clock.advance(Duration.ofDays(8));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && client.listKeys(b -> b.limit(1000)).keys().stream()
                    .anyMatch(k -> k.keyId().equals(keyId))) {
                Thread.sleep(200);
            }
            assertKmsErrorType(NotFoundException.class, () -> client.listGrants(b -> b.keyId(keyId)));
            assertFalse(client.listRetirableGrants(b -> b.retiringPrincipal(BOB)).grants().stream()
                    .anyMatch(g -> g.grantId().equals(grantId)));
        }
    }

    private CreateGrantResponse createGrant(KeyMetadata key, String name, GrantOperation operation) {
        return kms.createGrant(b -> b.keyId(key.keyId()).granteePrincipal(ALICE).operations(operation).name(name));
    }
}
