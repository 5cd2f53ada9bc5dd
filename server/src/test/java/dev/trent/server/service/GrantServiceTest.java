package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.error.DryRunOperationException;
import dev.trent.server.error.InvalidArnException;
import dev.trent.server.error.InvalidGrantIdException;
import dev.trent.server.error.InvalidGrantTokenException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.Grant;
import dev.trent.server.key.GrantOperation;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Grants: creation rules, Name idempotence, listing, retiring, revoking and storage through the barrier. */
class GrantServiceTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String BOB = "arn:aws:iam::111122223333:role/bob";

    private final Storage storage = Storage.inMemory();
    private KeyRepository repository = KeyRepository.load(storage.barrier());
    private KeyService keys = new KeyService(repository, new KeyLookup(repository), Clock.systemUTC());
    private GrantService grants = new GrantService(repository, new KeyLookup(repository), Clock.systemUTC());

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void create_thenList_showsTheGrant_andItSurvivesReload() {
        KmsKey key = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        Grant.Constraints constraints = new Grant.Constraints(Map.of("purpose", "test"), null, null);
        GrantService.Created created = grants.create(SCOPE, new GrantService.NewGrant(key.arn(), ALICE, null, BOB,
                null, List.of(GrantOperation.Encrypt, GrantOperation.Decrypt), constraints, "first"), false);
        assertTrue(created.grantId().matches("[0-9a-f]{64}"), created.grantId());
        assertTrue(created.grantToken().matches("[A-Za-z0-9_-]+"), created.grantToken());

        reload();
        List<Grant> listed = grants.list(SCOPE, key.id().value(), null, null, null);
        assertEquals(1, listed.size());
        Grant grant = listed.get(0);
        assertEquals(created.grantId(), grant.grantId());
        assertEquals("first", grant.name());
        assertEquals(ALICE, grant.granteePrincipal());
        assertEquals(BOB, grant.retiringPrincipal());
        assertEquals(List.of(GrantOperation.Encrypt, GrantOperation.Decrypt), grant.operations());
        assertEquals(constraints, grant.constraints());
        assertEquals("arn:aws:iam::111122223333:root", grant.issuingAccount());
        assertEquals(List.of(grant), grants.retirable(SCOPE, BOB, null));
        assertEquals(List.of(), grants.retirable(SCOPE, ALICE, null));
    }

    @Test
    void sameNameAndParameters_returnsTheSameGrant_otherParametersMakeANewOne() {
        KmsKey key = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        GrantService.Created first = create(key, "same", GrantOperation.Encrypt, GrantOperation.Decrypt);
        GrantService.Created again = create(key, "same", GrantOperation.Decrypt, GrantOperation.Encrypt);
        assertEquals(first.grantId(), again.grantId());
        assertNotEquals(first.grantToken(), again.grantToken());
        GrantService.Created other = create(key, "same", GrantOperation.Encrypt);
        assertNotEquals(first.grantId(), other.grantId());
        assertEquals(2, grants.list(SCOPE, key.arn(), null, null, null).size());
    }

    @Test
    void operationsMustFitTheKey() {
        KmsKey symmetric = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        KmsKey signing = newKey(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        KmsKey hmac = newKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        KmsKey agreement = newKey(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);
        KmsKey rsa = newKey(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        ValidationException e = assertThrows(ValidationException.class,
                () -> create(symmetric, null, GrantOperation.Encrypt, GrantOperation.Sign));
        assertEquals("Grant operations [Sign] are not valid for KMS key " + symmetric.arn()
                + " with KeySpec SYMMETRIC_DEFAULT and KeyUsage ENCRYPT_DECRYPT.", e.getMessage());
        assertThrows(ValidationException.class, () -> create(signing, null, GrantOperation.Encrypt));
        assertThrows(ValidationException.class, () -> create(hmac, null, GrantOperation.Sign));
        assertThrows(ValidationException.class, () -> create(agreement, null, GrantOperation.GenerateMac));
        assertThrows(ValidationException.class, () -> create(rsa, null, GrantOperation.GenerateDataKey));
        create(signing, null, GrantOperation.Sign, GrantOperation.Verify, GrantOperation.GetPublicKey);
        create(hmac, null, GrantOperation.GenerateMac, GrantOperation.VerifyMac, GrantOperation.DescribeKey);
        create(agreement, null, GrantOperation.DeriveSharedSecret);
        create(rsa, null, GrantOperation.Encrypt, GrantOperation.GetPublicKey);
        assertThrows(ValidationException.class, () -> grants.create(SCOPE, new GrantService.NewGrant(signing.arn(),
                ALICE, null, null, null, List.of(GrantOperation.Sign),
                new Grant.Constraints(Map.of("a", "b"), null, null), null), false));
    }

    @Test
    void aliasDryRunAndMissingGrantee_areRejected() {
        KmsKey key = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        InvalidArnException e = assertThrows(InvalidArnException.class, () -> grants.create(SCOPE,
                new GrantService.NewGrant("alias/any", ALICE, null, null, null, List.of(GrantOperation.Encrypt),
                        null, null), false));
        assertEquals("Key Aliases are not supported for this operation.", e.getMessage());
        assertThrows(DryRunOperationException.class, () -> grants.create(SCOPE, new GrantService.NewGrant(
                key.arn(), ALICE, null, null, null, List.of(GrantOperation.Encrypt), null, null), true));
        assertThrows(ValidationException.class, () -> grants.create(SCOPE, new GrantService.NewGrant(
                key.arn(), null, null, null, null, List.of(GrantOperation.Encrypt), null, null), false));
        assertEquals(List.of(), grants.list(SCOPE, key.arn(), null, null, null));
    }

    @Test
    void retireAndRevoke_deleteTheGrant() {
        KmsKey key = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        GrantService.Created byToken = create(key, null, GrantOperation.Encrypt);
        GrantService.Created byId = create(key, null, GrantOperation.Decrypt);
        GrantService.Created revoked = create(key, null, GrantOperation.DescribeKey);

        assertThrows(DryRunOperationException.class, () -> grants.retireByToken(SCOPE, byToken.grantToken(), true));
        grants.retireByToken(SCOPE, byToken.grantToken(), false);
        assertThrows(InvalidGrantTokenException.class, () -> grants.retireByToken(SCOPE, byToken.grantToken(), false));
        assertThrows(InvalidGrantTokenException.class, () -> grants.retireByToken(SCOPE, "not-a-token", false));
        grants.retire(SCOPE, key.arn(), byId.grantId(), false);
        grants.revoke(SCOPE, key.id().value(), revoked.grantId(), false);
        assertEquals(List.of(), grants.list(SCOPE, key.arn(), null, null, null));

        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> grants.revoke(SCOPE, key.arn(), revoked.grantId(), false));
        assertEquals("Grant " + revoked.grantId() + " does not exist on key " + key.arn() + ".", missing.getMessage());
        assertThrows(InvalidGrantIdException.class, () -> grants.revoke(SCOPE, key.arn(), "nope", false));
        assertThrows(InvalidGrantIdException.class, () -> grants.list(SCOPE, key.arn(), "nope", null, null));
    }

    @Test
    void filters_selectByGrantIdAndGrantee() {
        KmsKey key = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        GrantService.Created a = create(key, null, GrantOperation.Encrypt);
        grants.create(SCOPE, new GrantService.NewGrant(key.arn(), BOB, null, null, null,
                List.of(GrantOperation.Decrypt), null, null), false);
        assertEquals(List.of(a.grantId()), ids(grants.list(SCOPE, key.arn(), a.grantId(), null, null)));
        assertEquals(1, grants.list(SCOPE, key.arn(), null, BOB, null).size());
        assertEquals(2, grants.list(SCOPE, key.arn(), null, null, null).size());
    }

    @Test
    void destroy_deletesTheKeysGrantRecords() {
        KmsKey key = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        KmsKey kept = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        create(key, null, GrantOperation.Encrypt);
        create(key, null, GrantOperation.Decrypt);
        create(kept, null, GrantOperation.Decrypt);
        assertEquals(3, storage.barrier().getAll("grants/").size());
        repository.destroy(keys.scheduleDeletion(SCOPE, key.id().value(), 7));
        assertEquals(1, storage.barrier().getAll("grants/").size());
        assertEquals(List.of(), repository.grants().of(SCOPE, key.id()));
        reload();
        assertEquals(1, repository.grants().in(SCOPE).size());
    }

    private GrantService.Created create(KmsKey key, String name, GrantOperation... operations) {
        return grants.create(SCOPE, new GrantService.NewGrant(key.arn(), ALICE, null, null, null,
                List.of(operations), null, name), false);
    }

    private static List<String> ids(List<Grant> list) {
        return list.stream().map(Grant::grantId).toList();
    }

    @Test
    void grantToken_isRefused_whenTamperedForgedFromAGrantId_orUsedFromAnotherAccountOrRegion() {
        KmsKey key = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        GrantService.Created created = create(key, null, GrantOperation.Encrypt);
        byte[] token = java.util.Base64.getUrlDecoder().decode(created.grantToken());

        for (int i = 0; i < token.length; i++) {
            byte[] tampered = token.clone();
            tampered[i] ^= 0x01;
            String altered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            InvalidGrantTokenException e = assertThrows(InvalidGrantTokenException.class,
                    () -> grants.retireByToken(SCOPE, altered, false), "byte " + i);
            assertEquals("Invalid grant token.", e.getMessage());
        }
        // What a version 1 token said in the clear: anyone who had listed the grant could have written it.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("trent-grant:1:"
                + SCOPE.account() + ":" + SCOPE.region() + ":" + key.id().value() + ":" + created.grantId() + ":"
                + "00".repeat(16)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThrows(InvalidGrantTokenException.class, () -> grants.retireByToken(SCOPE, forged, false));
        assertThrows(InvalidGrantTokenException.class,
                () -> grants.retireByToken(new Scope("444455556666", "us-east-1"), created.grantToken(), false));
        assertThrows(InvalidGrantTokenException.class,
                () -> grants.retireByToken(new Scope("111122223333", "eu-west-1"), created.grantToken(), false));
        assertEquals(1, grants.list(SCOPE, key.arn(), null, null, null).size(), "the grant is still there");

        reload();
        grants.retireByToken(SCOPE, created.grantToken(), false);
        assertEquals(List.of(), grants.list(SCOPE, key.arn(), null, null, null), "a token outlives a restart");
    }

    @Test
    void grantToken_ofAnotherStore_isRefused_evenForTheSameAccountKeyAndGrantId() {
        KmsKey key = newKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        GrantService.Created created = create(key, null, GrantOperation.Encrypt);
        try (Storage other = Storage.inMemory()) {
            KeyRepository elsewhere = KeyRepository.load(other.barrier());
            Grant grant = grants.list(SCOPE, key.arn(), null, null, null).get(0);
            String foreign = new GrantTokens(elsewhere.grants()::tokenKey).issue(grant);
            assertThrows(InvalidGrantTokenException.class, () -> grants.retireByToken(SCOPE, foreign, false));
        }
        grants.retireByToken(SCOPE, created.grantToken(), false);
    }

    private void reload() {
        repository = KeyRepository.load(storage.barrier());
        keys = new KeyService(repository, new KeyLookup(repository), Clock.systemUTC());
        grants = new GrantService(repository, new KeyLookup(repository), Clock.systemUTC());
    }

    private KmsKey newKey(KeySpec spec, KeyUsage usage) {
        return keys.create(SCOPE, new NewKey("", spec, usage, Origin.AWS_KMS, Map.of()));
    }
}
